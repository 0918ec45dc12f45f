// The frame of the signed-out pages: the wordmark above a centered card on a quiet background.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '@/components/shell/logo';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-[radial-gradient(ellipse_at_top,var(--color-accent-50),transparent_60%)] px-4 py-12">
      <Link href="/" className="mb-8 rounded-lg" aria-label="Pitchcraft home">
        <Logo />
      </Link>
      <main className="w-full max-w-md">{children}</main>
      <footer className="mt-10 flex gap-3 text-xs text-zinc-600">
        <span>© {new Date().getFullYear()} Pitchcraft</span>
        <span aria-hidden>·</span>
        {/* For whoever connects another system: the REST reference needs no account to read. */}
        <Link href="/docs/api" className="underline-offset-2 hover:text-zinc-900 hover:underline">
          API reference
        </Link>
      </footer>
    </div>
  );
}
