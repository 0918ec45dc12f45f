// /onboarding – create an organization: the first step after signing up, and how to add another later. Whoever is
// here can always sign out (they may have signed up with the wrong address) or, with an organization, go back.
import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { CreateOrganizationForm } from '@/components/onboarding/create-organization-form';
import { OnboardingSteps } from '@/components/onboarding/onboarding-steps';
import { Logo } from '@/components/shell/logo';
import { requireSignedIn } from '@/server/trpc/server-caller';

export const metadata: Metadata = { title: 'Create your organization' };

export default async function OnboardingPage() {
  const { me } = await requireSignedIn('/onboarding');
  const first = me.organizations.length === 0;

  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent-50),transparent_60%)]">
      <header className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Logo />
        <div className="flex min-w-0 items-center gap-2 text-sm text-zinc-600">
          <span className="hidden truncate sm:inline">Signed in as {me.email}</span>
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1 flex-col items-center justify-center px-4 pt-4 pb-12">
        <main className="w-full max-w-lg rounded-2xl border border-zinc-200 bg-white px-6 py-8 shadow-sm sm:px-10">
          {first && <OnboardingSteps current={1} />}
          <div className="mb-7 space-y-1.5">
            <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{first ? 'Set up your organization' : 'Create another organization'}</h1>
            <p className="text-sm text-zinc-600">Your team, API keys and settings live in an organization. You will be its owner.</p>
          </div>
          <CreateOrganizationForm />
        </main>
        {!first && (
          <Link href="/" className="mt-6 text-sm font-medium text-zinc-700 hover:text-zinc-900">
            ← Back to the app
          </Link>
        )}
      </div>
    </div>
  );
}
