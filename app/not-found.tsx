// The 404 page: also what another organization's id shows, so existence never leaks. It offers the way back that
// fits: the dashboard when signed in, sign-in otherwise.
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Logo } from '@/components/shell/logo';
import { buttonClass } from '@/components/ui/button';
import { currentUserId } from '@/server/auth/next-auth';

export const metadata: Metadata = { title: 'Page not found' };

export default async function NotFound() {
  // Who is signed in is known per request only; never prerender this page with a guess.
  await connection();
  const signedIn = (await currentUserId()) !== null;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12 text-center">
      <Link href="/" className="mb-10 rounded-lg" aria-label="Pitchcraft home">
        <Logo />
      </Link>
      <p className="text-sm font-semibold text-accent-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
      <p className="mt-3 max-w-md text-sm text-zinc-600">
        {signedIn
          ? 'This page does not exist, or it belongs to an organization you are not part of. Check the address, or go back to your dashboard.'
          : 'This page does not exist. Check the address, or sign in to get to your organization.'}
      </p>
      <Link href={signedIn ? '/' : '/login'} className={buttonClass('primary', 'md', 'mt-8')}>
        {signedIn ? 'Go to your dashboard' : 'Sign in'}
      </Link>
    </main>
  );
}
