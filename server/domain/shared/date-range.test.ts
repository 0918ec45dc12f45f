// Date-range filters: strict ISO input (never rolled over or guessed), read in tz or timezoneoffset.
import { describe, expect, it } from 'vitest';
import { dateRangeInput } from './date-range';

const issues = (input: Record<string, unknown>) => dateRangeInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('dateRangeInput', () => {
  it('reads inclusive days in UTC, in an offset and in a zone', () => {
    expect(dateRangeInput.parse({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ gte: new Date('2024-02-01T00:00:00.000Z'), lte: new Date('2024-02-29T23:59:59.999Z') });
    expect(dateRangeInput.parse({ from: '2024-02-01', timezoneoffset: '-420' }).gte).toEqual(new Date('2024-01-31T17:00:00.000Z'));
    expect(dateRangeInput.parse({ from: '2024-07-01', tz: 'Europe/Paris' }).gte).toEqual(new Date('2024-06-30T22:00:00.000Z'));
    expect(dateRangeInput.parse({ from: '2024-07-01T12:00:00+02:00', tz: 'Asia/Tokyo' }).gte).toEqual(new Date('2024-07-01T10:00:00.000Z'));
    expect(dateRangeInput.parse({ from: '2024-07-01T12:00', tz: 'Asia/Tokyo' }).gte).toEqual(new Date('2024-07-01T03:00:00.000Z'));
  });

  it.each(['2024-02-30', '2024-13-45', '9999-99-99', '0000-00-00', '-271821-04-20T00:00:00.000Z', '1', 'Jan 1 2024', '2024-01-01T24:00:00Z'])('refuses from=%j instead of guessing', (from) => {
    expect(issues({ from })).toEqual(['from: Enter a date as YYYY-MM-DD, or a time such as 2024-05-01T09:30:00Z']);
  });

  it('refuses to=2024-02-30 rather than rolling it over to March', () => {
    expect(issues({ to: '2024-02-30' })).toEqual(['to: Enter a date as YYYY-MM-DD, or a time such as 2024-05-01T09:30:00Z']);
  });

  it('refuses a bound that leaves years 0001-9999 once the zone is applied, and a range that ends before it starts', () => {
    expect(issues({ from: '0001-01-01', timezoneoffset: '-60' })).toEqual(['from: Enter a date between the years 0001 and 9999']);
    expect(issues({ from: '2024-03-01', to: '2024-02-01' })).toEqual(['to: Choose an end that is not before the start']);
  });

  it('reads timezoneoffset as decimal digits only', () => {
    expect(issues({ timezoneoffset: '0x10' })).toEqual(['timezoneoffset: Enter a whole number, in digits only (like 20)']);
    expect(issues({ timezoneoffset: '1e3' })).toHaveLength(1);
    expect(issues({ timezoneoffset: '900' })).toEqual(['timezoneoffset: Enter at most 840']);
    expect(issues({ tz: 'Mars/Olympus' })).toEqual(['tz: must be an IANA time zone such as Europe/Paris']);
  });
});
