// Date-range filters of API.md §1: from/to as YYYY-MM-DD (inclusive days) or timestamps, read in tz or timezoneoffset.
import { z } from 'zod';
import './zod-messages';
import { decimalInteger } from './decimal-integer';
import { isStorableInstant, parseIsoDay, parseIsoTimestamp } from './iso-time';

const BOUND_MESSAGE = 'Enter a date as YYYY-MM-DD, or a time such as 2024-05-01T09:30:00Z';
const bound = z
  .string()
  .refine((v) => parseIsoDay(v) !== null || parseIsoTimestamp(v) !== null, { message: BOUND_MESSAGE })
  .meta({ description: 'YYYY-MM-DD (inclusive) or ISO 8601 timestamp' });

export const dateRangeInput = z
  .object({
    from: bound.optional(),
    to: bound.optional(),
    tz: z.string().optional().refine((v) => !v || isTimeZone(v), { message: 'must be an IANA time zone such as Europe/Paris' }),
    timezoneoffset: decimalInteger
      .pipe(z.number().min(-840, 'Enter at least -840').max(840, 'Enter at most 840'))
      .optional()
      .meta({ description: 'Minutes behind UTC, as JavaScript getTimezoneOffset(): -420 means GMT+7' }),
  })
  .transform((v, ctx) => {
    const offsetAt = (utcGuess: Date) => (v.tz ? zoneOffsetMinutes(v.tz, utcGuess) : -(v.timezoneoffset ?? 0));
    const resolve = (value: string | undefined, endOfDay: boolean) => {
      if (!value) return undefined;
      const day = parseIsoDay(value);
      if (day) {
        const local = endOfDay ? new Date(day.getTime() + 86_400_000 - 1) : day;
        return shift(local, offsetAt(local));
      }
      const { wall, offsetMinutes } = parseIsoTimestamp(value)!;
      return shift(wall, offsetMinutes ?? offsetAt(wall));
    };
    const range = { gte: resolve(v.from, false), lte: resolve(v.to, true) };
    for (const [key, at] of [['from', range.gte], ['to', range.lte]] as const) {
      if (at && !isStorableInstant(at)) ctx.addIssue({ code: 'custom', path: [key], message: 'Enter a date between the years 0001 and 9999' });
    }
    if (range.gte && range.lte && range.gte > range.lte) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose an end that is not before the start' });
    return range;
  });

export type DateRange = z.output<typeof dateRangeInput>;

/** Prisma where-fragment for a timestamp column; undefined when no bound was given. */
export const dateWhere = (r: DateRange) => (r.gte || r.lte ? { ...(r.gte && { gte: r.gte }), ...(r.lte && { lte: r.lte }) } : undefined);

// A wall-clock time in a zone that is `offset` minutes ahead of UTC is that many minutes earlier in UTC.
const shift = (wall: Date, offsetMinutes: number) => new Date(wall.getTime() - offsetMinutes * 60_000);

function isTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at that instant (e.g. +120 for Europe/Paris in summer). */
export function zoneOffsetMinutes(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(get('year'), get('month') - 1, get('day'));
  asUtc.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return Math.round((asUtc.getTime() - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}
