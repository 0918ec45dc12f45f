// /login – sign in with email or username and password; someone already signed in goes straight on into the app.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallback } from '@/components/auth/safe-callback';
import { registrationEnabled } from '@/server/env';
import { currentSignedIn } from '@/server/trpc/server-caller';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // Whether sign-up is offered, and who is signed in, are known per request only (currentSignedIn waits for it).
  if (await currentSignedIn()) {
    const { callbackUrl } = await searchParams;
    redirect(safeCallback(typeof callbackUrl === 'string' ? callbackUrl : null));
  }
  return (
    <Suspense>
      <LoginForm registrationOpen={registrationEnabled()} />
    </Suspense>
  );
}
