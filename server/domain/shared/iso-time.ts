// Strict ISO 8601 calendar dates and timestamps: what the API accepts, and only instants PostgreSQL can store.
// (Date.parse takes "1", "Jan 1 2024" and rolls 2024-02-30 over to March; a timestamp from it can overflow the
// database. Every date or time an input takes goes through these instead.)
import { z } from 'zod';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The instants the API deals in: years 0001 to 9999 (UTC), as ISO 8601 writes them with four digits. */
const FIRST_INSTANT = new Date('0001-01-01T00:00:00.000Z').getTime();
const LAST_INSTANT = new Date('9999-12-31T23:59:59.999Z').getTime();

export const isStorableInstant = (date: Date) => {
  const t = date.getTime();
  return Number.isFinite(t) && t >= FIRST_INSTANT && t <= LAST_INSTANT;
};

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** A calendar day `YYYY-MM-DD` as midnight UTC, or null when it is not one (2024-02-30, 0000-01-01, 2024-1-5). */
export function parseIsoDay(value: string): Date | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDay(year, month, day)) return null;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z`);
}

export type IsoTimestamp = {
  /** The written date and time read as if it were UTC. */
  wall: Date;
  /** Minutes the written zone is ahead of UTC; null when the timestamp names no zone. */
  offsetMinutes: number | null;
};

/** `YYYY-MM-DDTHH:mm[:ss[.fraction]][Z|±HH:mm]`, every field in range; null otherwise. */
export function parseIsoTimestamp(value: string): IsoTimestamp | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const wall = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(second).padStart(2, '0')}.${String(millis).padStart(3, '0')}Z`);
  const zone = m[8];
  if (!zone) return { wall, offsetMinutes: null };
  if (zone === 'Z') return { wall, offsetMinutes: 0 };
  const [hh, mm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (hh > 18 || mm > 59 || (hh === 18 && mm > 0)) return null;
  return { wall, offsetMinutes: (zone[0] === '-' ? -1 : 1) * (hh * 60 + mm) };
}

/** The instant a timestamp with a zone names; null without a zone, out of range or malformed. */
export function parseIsoInstant(value: string): Date | null {
  const parsed = parseIsoTimestamp(value);
  if (!parsed || parsed.offsetMinutes === null) return null;
  const instant = new Date(parsed.wall.getTime() - parsed.offsetMinutes * 60_000);
  return isStorableInstant(instant) ? instant : null;
}

/** A timestamp input with its zone (`2024-05-01T09:30:00Z`, `…+02:00`), within years 0001–9999. */
export const isoInstant = z.iso
  .datetime({ offset: true, message: 'Enter a date and time (ISO 8601, e.g. 2030-01-31T23:59:59Z)' })
  .refine((v) => parseIsoInstant(v) !== null, { message: 'Enter a date and time between the years 0001 and 9999' });

/** A calendar day input, `YYYY-MM-DD`. */
export const isoDay = z.iso.date('Enter a date as YYYY-MM-DD').refine((v) => parseIsoDay(v) !== null, { message: 'Enter a date between the years 0001 and 9999' });
