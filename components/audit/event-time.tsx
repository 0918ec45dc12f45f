'use client';
// When a security event happened, in the viewer's own locale and time zone (people check the log where they are),
// with the full date and zone on hover. Until hydration it shows UTC, as the server would, so the HTML agrees.
import { useHydrated } from '@/components/ui/use-hydrated';

const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const SHORT_UTC = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

export function EventTime({ at }: { at: string }) {
  const hydrated = useHydrated();
  const date = new Date(at);
  return (
    <time dateTime={at} title={hydrated ? FULL.format(date) : undefined}>
      {hydrated ? SHORT.format(date) : `${SHORT_UTC.format(date)} UTC`}
    </time>
  );
}
