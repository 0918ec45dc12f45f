// The zone an export's times are written in, as PostgreSQL's TimeZone setting takes it (server/csv-export.int.test.ts
// checks the times PostgreSQL then writes).
import { describe, expect, it } from 'vitest';
import { exportTimeZone } from './zoned-time';

describe('exportTimeZone', () => {
  it('defaults to UTC', () => {
    expect(exportTimeZone({})).toBe('UTC');
    expect(exportTimeZone({ timezoneoffset: 0 })).toBe('UTC');
  });

  it('reads timezoneoffset as getTimezoneOffset does (-420 is GMT+7) and writes it as a POSIX zone', () => {
    expect(exportTimeZone({ timezoneoffset: -420 })).toBe('<+0700>-07:00');
    expect(exportTimeZone({ timezoneoffset: 330 })).toBe('<-0530>+05:30');
    expect(exportTimeZone({ timezoneoffset: -345 })).toBe('<+0545>-05:45');
    expect(exportTimeZone({ timezoneoffset: 840 })).toBe('<-1400>+14:00');
  });

  it('names an IANA zone in its canonical spelling, whatever case or alias was sent', () => {
    expect(exportTimeZone({ tz: 'america/new_york' })).toBe('America/New_York');
    expect(exportTimeZone({ tz: 'US/Central' })).toBe('America/Chicago');
    // tz wins over timezoneoffset, as the date filters read them.
    expect(exportTimeZone({ tz: 'Europe/Paris', timezoneoffset: 60 })).toBe('Europe/Paris');
  });
});
