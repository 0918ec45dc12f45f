// Strict ISO 8601: only real calendar days and times, years 0001-9999, nothing Date.parse would guess at.
import { describe, expect, it } from 'vitest';
import { isoDay, isoInstant, parseIsoDay, parseIsoInstant, parseIsoTimestamp } from './iso-time';

describe('parseIsoDay', () => {
  it('reads real days, leap days included', () => {
    expect(parseIsoDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDay('0001-01-01')?.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(parseIsoDay('9999-12-31')?.toISOString()).toBe('9999-12-31T00:00:00.000Z');
  });

  it.each(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-45', '9999-99-99', '0000-00-00', '0000-01-01', '2024-1-5', '20240105', '1', 'Jan 1 2024', '2024-01-01T00:00:00Z', ' 2024-01-01', ''])('refuses %j', (v) => {
    expect(parseIsoDay(v)).toBeNull();
  });
});

describe('parseIsoTimestamp and parseIsoInstant', () => {
  it('reads the wall time and the zone', () => {
    expect(parseIsoTimestamp('2024-05-01T09:30')).toEqual({ wall: new Date('2024-05-01T09:30:00.000Z'), offsetMinutes: null });
    expect(parseIsoTimestamp('2024-05-01T09:30:15.123456+02:00')).toEqual({ wall: new Date('2024-05-01T09:30:15.123Z'), offsetMinutes: 120 });
    expect(parseIsoInstant('2024-05-01T09:30:00-07:00')?.toISOString()).toBe('2024-05-01T16:30:00.000Z');
    expect(parseIsoInstant('2024-05-01T09:30:00Z')?.toISOString()).toBe('2024-05-01T09:30:00.000Z');
  });

  it.each(['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2024-01-01T25:00:00Z', '2024-01-01T23:60:00Z', '2024-01-01T23:59:60Z', '2024-02-30T00:00:00Z', '2024-01-01T00:00:00+19:00', '2024-01-01t00:00:00z', '2024-01-01 00:00:00Z', '1', '0000-01-01T00:00:00Z'])('refuses %j', (v) => {
    expect(parseIsoInstant(v)).toBeNull();
  });

  it('refuses an instant that falls outside years 0001-9999 once its zone is applied', () => {
    expect(parseIsoInstant('0001-01-01T00:00:00+01:00')).toBeNull();
    expect(parseIsoInstant('9999-12-31T23:30:00-01:00')).toBeNull();
  });

  it('needs a zone for an instant', () => {
    expect(parseIsoInstant('2024-05-01T09:30:00')).toBeNull();
  });
});

describe('isoInstant and isoDay schemas', () => {
  it('accept what the parsers accept and say what they expect otherwise', () => {
    expect(isoInstant.safeParse('2030-01-01T00:00:00Z').success).toBe(true);
    expect(isoInstant.safeParse('0000-01-01T00:00:00Z').error?.issues[0]?.message).toMatch(/between the years 0001 and 9999/);
    expect(isoInstant.safeParse('2024-02-30T00:00:00Z').error?.issues[0]?.message).toMatch(/ISO 8601/);
    expect(isoDay.safeParse('2024-02-29').success).toBe(true);
    expect(isoDay.safeParse('2024-02-30').success).toBe(false);
  });
});
