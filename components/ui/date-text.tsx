'use client';
// Renders a timestamp as a short date in the viewer's time zone (or a fallback word such as "never"), with the exact
// time on hover. Until hydration it shows the UTC day, as the server did, so server and browser HTML agree.
import { useHydrated } from './use-hydrated';

const DAY = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });
const DAY_UTC = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const FULL = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export function DateText({ value, fallback = '—' }: { value: string | Date | null | undefined; fallback?: string }) {
  const hydrated = useHydrated();
  if (!value) return <span className="text-zinc-500">{fallback}</span>;
  const date = typeof value === 'string' ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} title={hydrated ? FULL.format(date) : undefined}>
      {(hydrated ? DAY : DAY_UTC).format(date)}
    </time>
  );
}
