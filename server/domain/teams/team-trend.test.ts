// The trend compares the newer half of the last ten scores with the older half.
import { describe, expect, it } from 'vitest';
import { scoreTrend, TREND_WINDOW } from './team-trend';

describe('scoreTrend', () => {
  it('is null before there are two scores', () => {
    expect(scoreTrend([])).toBeNull();
    expect(scoreTrend([70])).toBeNull();
  });

  it('is the newer score minus the older one for two', () => {
    expect(scoreTrend([60, 75])).toBe(15);
    expect(scoreTrend([80, 72])).toBe(-8);
  });

  it('leaves the middle score out of both halves for an odd count', () => {
    // older [50], newer [90]; the 100 in the middle counts for neither.
    expect(scoreTrend([50, 100, 90])).toBe(40);
  });

  it('only looks at the last ten, and rounds to one decimal', () => {
    const old = Array.from({ length: 20 }, () => 10);
    const recent = [60, 61, 62, 63, 64, 70, 70, 70, 70, 71];
    expect(TREND_WINDOW).toBe(10);
    // (70+70+70+70+71)/5 − (60+61+62+63+64)/5 = 70.2 − 62 = 8.2
    expect(scoreTrend([...old, ...recent])).toBe(8.2);
  });

  it('is 0, not -0, for a flat run', () => {
    expect(Object.is(scoreTrend([70, 70, 70, 70]), 0)).toBe(true);
  });
});
