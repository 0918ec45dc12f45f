'use client';
// A plain "Sign out" button for pages outside the app shell (onboarding), asking first when a form holds unsaved input.
import { useState } from 'react';
import { useConfirmLeave } from '@/components/forms/unsaved-changes';
import { Button } from '@/components/ui/button';
import { signOutHere } from './sign-out';

export function SignOutButton() {
  const confirmLeave = useConfirmLeave();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    if (!(await confirmLeave())) return;
    setBusy(true);
    await signOutHere();
  };
  return (
    <Button variant="ghost" size="sm" busy={busy} onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}
