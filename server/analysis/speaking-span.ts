// Measures the time from the first word's start to the last word's end, the base for per-minute rates.

import type { TranscriptWord } from './session-types';

/** Rates use at least one second of speech so a one-word clip cannot divide by zero. */
export const MIN_SPEAKING_SECONDS = 1;

export interface SpeakingSpan {
  start: number;
  end: number;
  /** end − start, but never below MIN_SPEAKING_SECONDS. */
  seconds: number;
}

export function speakingSpan(words: readonly TranscriptWord[]): SpeakingSpan {
  const start = words[0]?.start ?? 0;
  const end = words.reduce((latest, word) => Math.max(latest, word.end), start);
  return { start, end, seconds: Math.max(MIN_SPEAKING_SECONDS, end - start) };
}
