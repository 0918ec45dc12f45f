// /login – sign in with email or username and password.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { registrationEnabled } from '@/server/env';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  // Whether sign-up is offered is runtime configuration, so this page is rendered per request.
  await connection();
  return (
    <Suspense>
      <LoginForm registrationOpen={registrationEnabled()} />
    </Suspense>
  );
}
