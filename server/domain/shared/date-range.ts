// Date-range filters of API.md §1: from/to as YYYY-MM-DD (inclusive days) or timestamps, read in tz or timezoneoffset.
import { z } from 'zod';
import './zod-messages';

const day = /^\d{4}-\d{2}-\d{2}$/;

export const dateRangeInput = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    tz: z.string().optional().refine((v) => !v || isTimeZone(v), { message: 'must be an IANA time zone such as Europe/Paris' }),
    timezoneoffset: z.coerce.number().int().min(-840).max(840).optional().meta({ description: 'Minutes behind UTC, as JavaScript getTimezoneOffset(): -420 means GMT+7' }),
  })
  .superRefine((v, ctx) => {
    for (const key of ['from', 'to'] as const) {
      const value = v[key];
      if (value && !day.test(value) && Number.isNaN(Date.parse(value))) ctx.addIssue({ code: 'custom', path: [key], message: 'must be YYYY-MM-DD or an ISO 8601 timestamp' });
    }
  })
  .transform((v) => {
    const offsetAt = (utcGuess: Date) => (v.tz ? zoneOffsetMinutes(v.tz, utcGuess) : -(v.timezoneoffset ?? 0));
    const resolve = (value: string | undefined, endOfDay: boolean) => {
      if (!value) return undefined;
      if (!day.test(value)) return hasZone(value) ? new Date(value) : shift(new Date(`${value}Z`), offsetAt(new Date(`${value}Z`)));
      const base = new Date(`${value}T00:00:00.000Z`);
      const local = endOfDay ? new Date(base.getTime() + 86_400_000 - 1) : base;
      return shift(local, offsetAt(local));
    };
    return { gte: resolve(v.from, false), lte: resolve(v.to, true) };
  });

export type DateRange = z.output<typeof dateRangeInput>;

/** Prisma where-fragment for a timestamp column; undefined when no bound was given. */
export const dateWhere = (r: DateRange) => (r.gte || r.lte ? { ...(r.gte && { gte: r.gte }), ...(r.lte && { lte: r.lte }) } : undefined);

const hasZone = (s: string) => /([zZ]|[+-]\d{2}:?\d{2})$/.test(s);
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
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}
