// /onboarding – create an organization: the first step after signing up, and how to add another later.
import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateOrganizationForm } from '@/components/onboarding/create-organization-form';
import { requireSignedIn } from '@/server/trpc/server-caller';
import { Logo } from '@/components/shell/logo';

export const metadata: Metadata = { title: 'Create your organization' };

export default async function OnboardingPage() {
  const { me } = await requireSignedIn('/onboarding');
  const first = me.organizations.length === 0;

  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-[radial-gradient(ellipse_at_top,var(--color-accent-50),transparent_60%)] px-4 py-12">
      <Logo className="mb-8" />
      <main className="w-full max-w-lg rounded-2xl border border-zinc-200 bg-white px-6 py-8 shadow-sm sm:px-10">
        <div className="mb-7 space-y-1.5">
          {first && <p className="text-xs font-semibold tracking-wide text-accent-600 uppercase">Step 2 of 2</p>}
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{first ? 'Set up your organization' : 'Create another organization'}</h1>
          <p className="text-sm text-zinc-500">Your team, API keys and settings live in an organization. You will be its owner.</p>
        </div>
        <CreateOrganizationForm />
      </main>
      {!first && (
        <Link href="/" className="mt-6 text-sm font-medium text-zinc-600 hover:text-zinc-900">
          ← Back to the app
        </Link>
      )}
    </div>
  );
}
