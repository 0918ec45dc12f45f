// /dev/mail – the development mailbox's frame, with the banner that says mail is not being delivered.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '@/components/shell/logo';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

export default function DevMailLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4 sm:px-8">
          <Link href="/dev/mail" className="flex items-center gap-3 rounded-lg" aria-label="Development mailbox">
            <Logo />
            <span className="hidden text-sm font-medium text-zinc-600 sm:inline">Development mailbox</span>
          </Link>
          <Link href="/" className="text-sm font-medium text-accent-700 hover:text-accent-800">
            Back to the app
          </Link>
        </div>
      </header>
      <div role="note" className="border-b border-amber-200 bg-amber-50">
        <p className="mx-auto max-w-5xl px-4 py-3 text-sm text-amber-900 sm:px-8">
          <strong>Mail is not configured.</strong> Nothing is delivered: every email is kept here instead, readable only from this machine. Set{' '}
          <code className="rounded bg-amber-100 px-1">SMTP_URL</code> (and <code className="rounded bg-amber-100 px-1">MAIL_FROM</code>) to send real mail.
        </p>
      </div>
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-8">{children}</main>
    </div>
  );
}
