import { describe, expect, it } from 'vitest';
import type { TranscriptWord } from './session-types';
import { roundValue } from './rounding';
import { WPM_BOUNDS, WPM_WINDOW, analyzePace, paceRanges, paceSeries, scorePace } from './speaking-pace';

/** `count` words back to back, evenly filling [start, start + seconds]. */
function evenWords(count: number, seconds: number, start = 0): TranscriptWord[] {
  const each = seconds / count;
  return Array.from({ length: count }, (_, i) => ({ text: `w${i}`, start: start + i * each, end: start + (i + 1) * each }));
}

describe('analyzePace', () => {
  it('gives 150 wpm for 150 words evenly over 60 s, all of it in the good band', () => {
    const pace = analyzePace(evenWords(150, 60));
    expect(pace.average).toBe(150);
    expect(pace.series).toHaveLength(26);
    expect(pace.series[0]).toEqual({ t: 5, wpm: 150 });
    expect(pace.series.at(-1)).toEqual({ t: 55, wpm: 150 });
    expect(pace.ranges).toEqual({ slow: 0, good: 1, fast: 0 });
    expect(pace.recommendation).toMatch(/steady/);
  });

  it('splits time between slow and fast halves', () => {
    // 30 s at 60 wpm, then 30 s at 240 wpm.
    const pace = analyzePace([...evenWords(30, 30), ...evenWords(120, 30, 30)]);
    expect(pace.average).toBe(150);
    expect(pace.ranges.slow).toBeGreaterThan(0.3);
    expect(pace.ranges.fast).toBeGreaterThan(0.3);
    expect(pace.ranges.slow + pace.ranges.good + pace.ranges.fast).toBeCloseTo(1, 1);
    expect(pace.recommendation).toMatch(/uneven/);
  });

  it('uses one window for speech shorter than 10 s', () => {
    const pace = analyzePace(evenWords(10, 4, 1));
    expect(pace.series).toEqual([{ t: 3, wpm: 150 }]);
    expect(pace.average).toBe(150);
  });

  it('flags slow and fast averages', () => {
    expect(analyzePace(evenWords(50, 60)).recommendation).toMatch(/slow/);
    expect(analyzePace(evenWords(200, 60)).recommendation).toMatch(/fast/);
  });
});

describe('paceSeries', () => {
  it('steps windows by 2 s from the first word', () => {
    const series = paceSeries(evenWords(40, 20, 3));
    expect(series.map((p) => p.t)).toEqual([8, 10, 12, 14, 16, 18]);
  });
});

describe('paceRanges', () => {
  it('classifies by the documented bounds (110 and 170 are good)', () => {
    expect(WPM_BOUNDS).toEqual({ slow: 110, fast: 170 });
    expect(paceRanges([{ t: 0, wpm: 109.99 }, { t: 1, wpm: 110 }, { t: 2, wpm: 170 }, { t: 3, wpm: 170.01 }])).toEqual({
      slow: 0.25,
      good: 0.5,
      fast: 0.25,
    });
  });
});

describe('scorePace', () => {
  it('blends 70 % good-share and 30 % average closeness', () => {
    expect(scorePace(150, { slow: 0, good: 1, fast: 0 })).toBe(100);
    expect(scorePace(150, { slow: 0.5, good: 0.5, fast: 0 })).toBe(65);
    expect(scorePace(90, { slow: 1, good: 0, fast: 0 })).toBe(18);
    expect(scorePace(300, { slow: 0, good: 0, fast: 1 })).toBe(0);
  });
});

describe('paceSeries on long transcripts', () => {
  it('counts each window exactly as a scan over every word would, overlapping words included', () => {
    // Words with jittered, overlapping timings so midpoints are not in order.
    const words = Array.from({ length: 3000 }, (_, i) => {
      const start = i * 0.37 + Math.abs(Math.sin(i)) * 0.05;
      return { text: 'word', start, end: start + 0.2 + (i % 7) * 0.12 };
    });
    const midpoints = words.map((w) => (w.start + w.end) / 2);
    const scan = (from: number) => midpoints.filter((m) => m >= from && m < from + WPM_WINDOW.seconds).length;
    const series = paceSeries(words);
    expect(series.length).toBeGreaterThan(500);
    series.forEach((point, k) => expect(point.wpm).toBe(roundValue((scan(words[0]!.start + k * WPM_WINDOW.stepSeconds) * 60) / WPM_WINDOW.seconds)));
  });
});
