// Finds silences between words and flags the long ones that lose a listener.

import { roundTime } from './rounding';
import type { PauseAnalysis, PauseItem, TranscriptWord } from './session-types';

/** A gap of ≥ 1.0 s between words is a pause; ≥ 2.5 s is a long pause. */
export const PAUSE_THRESHOLDS = { pause: 1.0, long: 2.5 } as const;
/** Points lost per long pause. */
export const LONG_PAUSE_PENALTY = 15;
/** A pitch at least this long (seconds) with no pause at all is nudged to breathe. */
export const NO_PAUSE_NUDGE_SECONDS = 60;

/** Gap = next word's start − previous word's end (overlapping words give no gap). */
export function findPauses(words: readonly TranscriptWord[]): PauseItem[] {
  const items: PauseItem[] = [];
  for (let i = 1; i < words.length; i += 1) {
    const previous = words[i - 1];
    const current = words[i];
    if (!previous || !current) continue;
    const gap = current.start - previous.end;
    // Compare on millisecond-rounded values so 1.0 s read from a file as 0.9999999 still counts.
    if (roundTime(gap) >= PAUSE_THRESHOLDS.pause) items.push({ start: roundTime(previous.end), duration: roundTime(gap) });
  }
  return items;
}

/** 100 minus 15 points per long pause, floored at 0; ordinary pauses are not penalized. */
export function scorePauses(longCount: number): number {
  return Math.max(0, 100 - LONG_PAUSE_PENALTY * longCount);
}

function recommend(items: readonly PauseItem[], longCount: number, longest: number, speakingSeconds: number): string {
  if (longCount > 0) {
    return `${longCount} long pause${longCount === 1 ? '' : 's'} (longest ${longest} s). Keep pauses under ${PAUSE_THRESHOLDS.long} s; know your next point before you stop.`;
  }
  if (items.length === 0 && speakingSeconds >= NO_PAUSE_NUDGE_SECONDS) {
    return 'No pauses detected. Add a deliberate one-second pause after key points so they sink in.';
  }
  return 'Pauses are well controlled.';
}

export function analyzePauses(words: readonly TranscriptWord[], speakingSeconds: number): PauseAnalysis {
  const items = findPauses(words);
  const longest = items.reduce((max, item) => Math.max(max, item.duration), 0);
  const longCount = items.filter((item) => item.duration >= PAUSE_THRESHOLDS.long).length;
  return { items, longest, longCount, recommendation: recommend(items, longCount, longest, speakingSeconds) };
}
