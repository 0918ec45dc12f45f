// The frame of the development pages (/dev/mail, /dev/sink): what they are, a switch between them and the banner that
// says nothing there was delivered. Server-rendered; the pages themselves answer 404 to anyone but this machine.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '@/components/shell/logo';
import { cx } from '@/components/ui/cx';

const PAGES = [
  { key: 'mail', href: '/dev/mail', label: 'Mailbox' },
  { key: 'sink', href: '/dev/sink', label: 'Message sink' },
] as const;

export function DevFrame({ current, banner, children }: { current: (typeof PAGES)[number]['key']; banner: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-4 sm:px-8">
          <Link href={PAGES.find((p) => p.key === current)!.href} className="flex items-center gap-3 rounded-lg" aria-label={current === 'mail' ? 'Development mailbox' : 'Message sink'}>
            <Logo />
            <span className="hidden text-sm font-medium text-zinc-600 sm:inline">Development</span>
          </Link>
          <nav aria-label="Development pages" className="flex items-center gap-1 text-sm font-medium">
            {PAGES.map((p) => (
              <Link
                key={p.key}
                href={p.href}
                aria-current={p.key === current ? 'page' : undefined}
                className={cx('rounded-lg px-3 py-1.5', p.key === current ? 'bg-accent-50 text-accent-800' : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900')}
              >
                {p.label}
              </Link>
            ))}
            <Link href="/" className="ml-2 rounded-lg px-3 py-1.5 text-accent-700 hover:text-accent-800">
              Back to the app
            </Link>
          </nav>
        </div>
      </header>
      <div role="note" className="border-b border-amber-200 bg-amber-50">
        <p className="mx-auto max-w-5xl px-4 py-3 text-sm text-amber-900 sm:px-8">{banner}</p>
      </div>
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-8">{children}</main>
    </div>
  );
}
