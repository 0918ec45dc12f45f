// The 404 page: also what another organization's id shows, so existence never leaks.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Logo } from '@/components/shell/logo';
import { buttonClass } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12 text-center">
      <Logo className="mb-10" />
      <p className="text-sm font-semibold text-accent-600">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
      <p className="mt-3 max-w-md text-sm text-zinc-500">The page you are looking for does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonClass('primary', 'md', 'mt-8')}>
        Go to your dashboard
      </Link>
    </main>
  );
}
