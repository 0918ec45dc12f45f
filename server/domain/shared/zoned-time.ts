// Times shown or exported in a caller's zone (tz or timezoneoffset, as the date filters read them): ISO 8601 local
// time with its offset, e.g. 2024-03-11T06:30:00+07:00.
import { z } from 'zod';
import { zoneOffsetMinutes } from './date-range';
import { decimalInteger } from './decimal-integer';

export const timeZoneInput = z.object({
  tz: z.string().optional(),
  timezoneoffset: decimalInteger.pipe(z.number().min(-840).max(840)).optional(),
});

export type TimeZoneChoice = z.output<typeof timeZoneInput>;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * A formatter for one zone. Offsets only change at transitions, which fall on quarter hours, so the offset is
 * computed once per quarter hour seen (an export of a million rows asks Intl a few thousand times, not a million).
 */
export function zonedFormatter(zone: TimeZoneChoice): (d: Date | null | undefined) => string {
  const fixed = zone.tz ? null : -(zone.timezoneoffset ?? 0);
  const offsets = new Map<number, number>();
  const offsetAt = (d: Date) => {
    if (fixed !== null) return fixed;
    const quarter = Math.floor(d.getTime() / 900_000);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(zone.tz!, d);
      if (offsets.size > 50_000) offsets.clear();
      offsets.set(quarter, offset);
    }
    return offset;
  };
  return (d) => {
    if (!d) return '';
    const offset = offsetAt(d);
    const local = new Date(d.getTime() + offset * 60_000);
    const sign = offset < 0 ? '-' : '+';
    return (
      `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
      `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
      `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
    );
  };
}
