// Small display helpers for calls and leads: people's names, vehicles, durations and date-times.
import type { CallDto } from '@/server/domain/calls/call.schema';

export const personName = (first: string | null | undefined, last: string | null | undefined, fallback = 'Anonymous') =>
  [first, last].filter(Boolean).join(' ') || fallback;

export const vehicleName = (v: CallDto['vehicle']) => [v.modelYear, v.make, v.model].filter(Boolean).join(' ') || 'Unknown vehicle';

export function duration(seconds: number | null) {
  if (seconds === null) return '—';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

const DATE_TIME = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
export const dateTime = (iso: string | null) => (iso ? DATE_TIME.format(new Date(iso)) : '—');

/** The browser's zone, sent with date filters and exports so "March 10" means March 10 where the user is. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
