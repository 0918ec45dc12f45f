// The white card the sign-in and sign-up forms sit in, with a title, a subtitle and a footer link line.
import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

export function AuthCard({ title, subtitle, footer, children }: { title: string; subtitle?: ReactNode; footer?: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-2xl border border-zinc-200 bg-white px-6 py-8 shadow-sm sm:px-10">
      {/* A card of text only (no form, no footer) ends with its text: no margin left hanging under it. */}
      <div className={cx('space-y-1.5 text-center', Boolean(children || footer) && 'mb-7')}>
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        {subtitle && <p className="text-sm text-zinc-500">{subtitle}</p>}
      </div>
      {children}
      {footer && <p className="mt-7 text-center text-sm text-zinc-500">{footer}</p>}
    </div>
  );
}
