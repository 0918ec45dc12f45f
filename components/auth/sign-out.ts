'use client';
// Signing out from the browser. next-auth would answer with a URL built from NEXTAUTH_URL (another host than the one
// the person is on, behind a proxy or on 127.0.0.1 vs localhost); the session is ended without its redirect and the
// browser goes to /login on the host it is on.
import { signOut } from 'next-auth/react';

let signingOut = false;

/** True once this tab began signing out: a request refused as signed out then is expected, not a session that ended elsewhere. */
export function isSigningOut() {
  return signingOut;
}

export async function signOutHere() {
  signingOut = true;
  await signOut({ redirect: false });
  // A full load, so no cache of the signed-out user survives.
  window.location.assign('/login');
}
