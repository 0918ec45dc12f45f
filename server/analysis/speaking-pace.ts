// Computes words per minute overall and over a sliding window, and how much time was slow, good or fast.

import { clamp, roundTime, roundValue } from './rounding';
import type { PaceAnalysis, PacePoint, PaceRanges, TranscriptWord } from './session-types';
import { speakingSpan } from './speaking-span';

/** Pace bands in words per minute: below `slow` is slow, above `fast` is fast, anything between is good. */
export const WPM_BOUNDS = { slow: 110, fast: 170 } as const;
/** Sliding window for the pace series: 10 s long, moved 2 s at a time. */
export const WPM_WINDOW = { seconds: 10, stepSeconds: 2 } as const;
/** Pace score blend: share of time in the good band vs. how close the overall average is to the band. */
export const PACE_SCORE_BLEND = { goodShare: 0.7, average: 0.3 } as const;
/** Points lost per wpm that the overall average lies outside the good band. */
export const PACE_AVERAGE_PENALTY_PER_WPM = 2;

function classify(wpm: number): keyof PaceRanges {
  if (wpm < WPM_BOUNDS.slow) return 'slow';
  if (wpm > WPM_BOUNDS.fast) return 'fast';
  return 'good';
}

/** Index of the first value ≥ `bound` in an ascending array (its length when there is none). */
function firstAtOrAbove(sorted: Float64Array, bound: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < bound) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Windows start at the first word and step by WPM_WINDOW.stepSeconds while they fit inside the speaking span; a
 * word belongs to a window when its midpoint falls inside [windowStart, windowStart + 10 s). Speech shorter than
 * one window gets a single window covering the whole span. Each point is reported at its window's centre.
 */
export function paceSeries(words: readonly TranscriptWord[]): PacePoint[] {
  const span = speakingSpan(words);
  // Sorted once, so each window counts its words with two binary searches instead of a pass over every word
  // (words start in order, but overlapping ones can have their midpoints out of order).
  const midpoints = Float64Array.from(words, (word) => (word.start + word.end) / 2).sort();
  const countIn = (from: number, to: number): number => firstAtOrAbove(midpoints, to) - firstAtOrAbove(midpoints, from);
  if (span.end - span.start <= WPM_WINDOW.seconds) {
    const length = span.seconds;
    return [{ t: roundTime(span.start + length / 2), wpm: roundValue((words.length * 60) / length) }];
  }
  const windowCount = Math.floor((span.end - span.start - WPM_WINDOW.seconds) / WPM_WINDOW.stepSeconds + 1e-9) + 1;
  const series: PacePoint[] = [];
  for (let k = 0; k < windowCount; k += 1) {
    const from = span.start + k * WPM_WINDOW.stepSeconds;
    const count = countIn(from, from + WPM_WINDOW.seconds);
    series.push({ t: roundTime(from + WPM_WINDOW.seconds / 2), wpm: roundValue((count * 60) / WPM_WINDOW.seconds) });
  }
  return series;
}

/** Each window stands for an equal slice of time, so the share of windows in a band is the share of time. */
export function paceRanges(series: readonly PacePoint[]): PaceRanges {
  const counts: PaceRanges = { slow: 0, good: 0, fast: 0 };
  for (const point of series) counts[classify(point.wpm)] += 1;
  const total = Math.max(1, series.length);
  return { slow: roundValue(counts.slow / total), good: roundValue(counts.good / total), fast: roundValue(counts.fast / total) };
}

/** 70 % × (share of time in the good band × 100) + 30 % × (100 − 2 per wpm the average lies outside 110–170). */
export function scorePace(average: number, ranges: PaceRanges): number {
  const outside = Math.max(0, WPM_BOUNDS.slow - average, average - WPM_BOUNDS.fast);
  const averageScore = clamp(100 - PACE_AVERAGE_PENALTY_PER_WPM * outside, 0, 100);
  return PACE_SCORE_BLEND.goodShare * ranges.good * 100 + PACE_SCORE_BLEND.average * averageScore;
}

function recommend(exact: number, ranges: PaceRanges): string {
  const band = classify(exact);
  // Words per minute are said whole: "149 wpm", never "149.33 wpm".
  const average = Math.round(exact);
  if (band === 'slow') return `Your average pace of ${average} wpm is slow. Aim for ${WPM_BOUNDS.slow}–${WPM_BOUNDS.fast} wpm and tighten long stretches.`;
  if (band === 'fast') return `Your average pace of ${average} wpm is fast. Slow down to ${WPM_BOUNDS.slow}–${WPM_BOUNDS.fast} wpm so key points land.`;
  if (ranges.good < 0.7) {
    return `Average pace is good (${average} wpm) but uneven: only ${Math.round(ranges.good * 100)}% of the time was in the ${WPM_BOUNDS.slow}–${WPM_BOUNDS.fast} wpm band.`;
  }
  return `Good, steady pace (${average} wpm).`;
}

/** Average wpm = word count ÷ speaking span (first word start to last word end) in minutes. */
export function analyzePace(words: readonly TranscriptWord[]): PaceAnalysis {
  const average = (words.length * 60) / speakingSpan(words).seconds;
  const series = paceSeries(words);
  const ranges = paceRanges(series);
  return { average: roundValue(average), series, ranges, recommendation: recommend(average, ranges) };
}
