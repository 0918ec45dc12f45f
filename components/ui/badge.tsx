// A small pill for statuses, roles and scopes.
import type { ReactNode } from 'react';
import { cx } from './cx';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

const TONES: Record<Tone, string> = {
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-200',
  accent: 'bg-accent-50 text-accent-700 ring-accent-200',
  success: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-800 ring-amber-200',
  danger: 'bg-red-50 text-red-700 ring-red-200',
};

/** `wrap` for a badge holding people's text (a module's keyword): it wraps instead of running off its box. */
export function Badge({ tone = 'neutral', children, className, title, wrap = false }: { tone?: Tone; children: ReactNode; className?: string; title?: string; wrap?: boolean }) {
  return (
    <span title={title} className={cx('inline-flex max-w-full items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset', wrap ? 'min-w-0 text-left wrap-anywhere' : 'whitespace-nowrap', TONES[tone], className)}>
      {children}
    </span>
  );
}
