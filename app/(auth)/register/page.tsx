// /register – create an account, then continue to onboarding; a notice instead when sign-up is turned off. Someone
// already signed in goes on into the app.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { RegisterForm } from '@/components/auth/register-form';
import { registrationEnabled } from '@/server/env';
import { currentSignedIn } from '@/server/trpc/server-caller';

export const metadata: Metadata = { title: 'Create account' };

export default async function RegisterPage() {
  if (await currentSignedIn()) redirect('/');
  if (!registrationEnabled()) {
    return (
      <AuthCard
        title="Sign-up is closed"
        subtitle="This Pitchcraft server does not take new accounts. Ask your organization's owner for an invitation."
        footer={<Link href="/login" className="font-medium text-accent-600 hover:text-accent-700">Back to sign in</Link>}
      />
    );
  }
  return <RegisterForm />;
}
