// Local times with offsets for exports: fixed offsets, IANA zones across a daylight-saving change.
import { describe, expect, it } from 'vitest';
import { zonedFormatter } from './zoned-time';

describe('zonedFormatter', () => {
  const at = new Date('2024-03-10T23:30:15.000Z');

  it('defaults to UTC', () => {
    expect(zonedFormatter({})(at)).toBe('2024-03-10T23:30:15+00:00');
  });

  it('reads timezoneoffset as getTimezoneOffset does (-420 is GMT+7)', () => {
    expect(zonedFormatter({ timezoneoffset: -420 })(at)).toBe('2024-03-11T06:30:15+07:00');
    expect(zonedFormatter({ timezoneoffset: 330 })(at)).toBe('2024-03-10T18:00:15-05:30');
  });

  it('follows an IANA zone across its daylight-saving change', () => {
    const f = zonedFormatter({ tz: 'America/New_York' });
    expect(f(new Date('2024-03-10T06:59:00Z'))).toBe('2024-03-10T01:59:00-05:00');
    expect(f(new Date('2024-03-10T07:00:00Z'))).toBe('2024-03-10T03:00:00-04:00');
    expect(zonedFormatter({ tz: 'Asia/Kathmandu' })(at)).toBe('2024-03-11T05:15:15+05:45');
  });

  it('writes nothing for a missing time', () => {
    expect(zonedFormatter({})(null)).toBe('');
  });
});
