import { describe, expect, it } from 'vitest';
import { PAUSE_THRESHOLDS, analyzePauses, findPauses, scorePauses } from './pauses';

describe('analyzePauses', () => {
  it('finds a single 4-second gap exactly', () => {
    const words = [
      { text: 'Our', start: 0, end: 0.5 },
      { text: 'platform', start: 0.6, end: 1.25 },
      { text: 'wins.', start: 5.25, end: 5.75 },
    ];
    const pauses = analyzePauses(words, 5.75);
    expect(pauses.items).toEqual([{ start: 1.25, duration: 4 }]);
    expect(pauses.longest).toBe(4);
    expect(pauses.longCount).toBe(1);
    expect(pauses.recommendation).toMatch(/1 long pause/);
  });

  it('counts gaps from 1.0 s as pauses and from 2.5 s as long', () => {
    expect(PAUSE_THRESHOLDS).toEqual({ pause: 1, long: 2.5 });
    const words = [
      { text: 'a', start: 0, end: 1 },
      { text: 'b', start: 1.99, end: 2 },
      { text: 'c', start: 3, end: 3.1 },
      { text: 'd', start: 5.6, end: 6 },
    ];
    const pauses = analyzePauses(words, 6);
    expect(pauses.items).toEqual([
      { start: 2, duration: 1 },
      { start: 3.1, duration: 2.5 },
    ]);
    expect(pauses.longCount).toBe(1);
    expect(pauses.longest).toBe(2.5);
  });

  it('ignores overlaps and reports no pauses with a longest of 0', () => {
    const pauses = analyzePauses([{ text: 'a', start: 0, end: 1 }, { text: 'b', start: 0.8, end: 1.5 }], 1.5);
    expect(pauses).toEqual({ items: [], longest: 0, longCount: 0, recommendation: 'Pauses are well controlled.' });
  });

  it('nudges a long pitch with no pauses at all', () => {
    const words = Array.from({ length: 200 }, (_, i) => ({ text: 'w', start: i * 0.4, end: i * 0.4 + 0.4 }));
    expect(findPauses(words)).toEqual([]);
    expect(analyzePauses(words, 80).recommendation).toMatch(/deliberate/);
  });
});

describe('scorePauses', () => {
  it('loses 15 points per long pause', () => {
    expect(scorePauses(0)).toBe(100);
    expect(scorePauses(2)).toBe(70);
    expect(scorePauses(10)).toBe(0);
  });
});
