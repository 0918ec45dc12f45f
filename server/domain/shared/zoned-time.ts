// Times shown or exported in a caller's zone (tz or timezoneoffset, as the date filters read them): ISO 8601 local
// time with its offset, e.g. 2024-03-11T06:30:00+07:00. Exports format them in SQL (server/csv-export.ts) under
// the zone `exportTimeZone` names.
import { z } from 'zod';
import { decimalInteger } from './decimal-integer';

export const timeZoneInput = z.object({
  tz: z.string().optional(),
  timezoneoffset: decimalInteger.pipe(z.number().min(-840).max(840)).optional(),
});

export type TimeZoneChoice = z.output<typeof timeZoneInput>;

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/**
 * The zone as PostgreSQL's TimeZone setting takes it, for an already validated choice: the IANA name in Intl's
 * canonical spelling (Intl accepts any case and old aliases), or a fixed offset as a POSIX zone. timezoneoffset is
 * minutes behind UTC, as getTimezoneOffset() gives them (-420 is GMT+7); POSIX counts hours west, so its sign is the
 * same and the name in <…> carries the usual one: -420 → <+0700>-07:00.
 */
export function exportTimeZone(zone: TimeZoneChoice): string {
  if (zone.tz) return new Intl.DateTimeFormat('en-US', { timeZone: zone.tz }).resolvedOptions().timeZone;
  const west = zone.timezoneoffset ?? 0;
  if (west === 0) return 'UTC';
  const hours = Math.trunc(Math.abs(west) / 60);
  const minutes = Math.abs(west) % 60;
  return `<${west < 0 ? '+' : '-'}${pad(hours)}${pad(minutes)}>${west < 0 ? '-' : '+'}${pad(hours)}:${pad(minutes)}`;
}
