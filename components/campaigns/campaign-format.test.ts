import { describe, expect, it } from 'vitest';
import { cronPreview, durationText, nextRunsText } from './campaign-format';

describe('durationText', () => {
  it('says how long a group takes at a pace, rounded up to the minute', () => {
    expect(durationText(24, 600)).toBe('under a minute');
    expect(durationText(24, 12)).toBe('about 2 min');
    expect(durationText(25, 12)).toBe('about 3 min');
    expect(durationText(7_500, 60)).toBe('about 2 h 5 min');
    expect(durationText(100_000, 30)).toBe('about 2 d 7 h 34 min');
    expect(durationText(0, 60)).toBe('no time');
  });
});

describe('cronPreview', () => {
  const from = new Date('2026-03-02T10:00:00Z'); // a Monday
  it('gives the next three runs in UTC', () => {
    expect(cronPreview('0 9 * * 1-5', from)).toEqual({ next: [new Date('2026-03-03T09:00:00Z'), new Date('2026-03-04T09:00:00Z'), new Date('2026-03-05T09:00:00Z')] });
  });
  it('says what is wrong with a bad expression', () => {
    expect(cronPreview('', from)).toEqual({ error: expect.stringMatching(/^Enter a cron expression/) });
    expect(cronPreview('* * *', from)).toEqual({ error: expect.stringMatching(/five fields/) });
    expect(cronPreview('61 * * * *', from)).toEqual({ error: expect.stringMatching(/^Not a valid cron expression/) });
    expect(cronPreview('0 9 * * mon-funday', from)).toEqual({ error: expect.stringMatching(/^Not a valid cron expression/) });
  });
});

describe('nextRunsText', () => {
  it('writes the runs with their weekday (options Intl accepts together)', () => {
    expect(nextRunsText([new Date('2026-03-03T09:00:00Z')])).toMatch(/^Tue, Mar 3, \d\d:00 (AM|PM)$/);
  });
});
