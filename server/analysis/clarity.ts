// Estimates how clearly the rep spoke from the transcriber's per-word confidence.

import { clamp, roundValue } from './rounding';
import type { TranscriptWord } from './session-types';

/** A word recognized with confidence below 0.6 counts as unclear. */
export const LOW_CONFIDENCE_THRESHOLD = 0.6;
/** Points lost per percentage point of unclear words (so 50 % unclear scores 0). */
export const CLARITY_PENALTY_PER_PERCENT = 2;

/**
 * Recommendation bands on the reported (2-decimal) low-confidence share: up to `clear` reads as clear speech, above
 * `unclear` asks the rep to speak more distinctly, in between suggests finishing word endings.
 */
export const CLARITY_ADVICE_SHARE = { clear: 0.05, unclear: 0.15 } as const;

/** Share (0..1) of words with a confidence that are below the threshold; null when no word has a confidence. */
export function analyzeClarity(words: readonly TranscriptWord[]): number | null {
  const rated = words.filter((word) => word.confidence !== undefined);
  if (rated.length === 0) return null;
  const unclear = rated.filter((word) => (word.confidence ?? 1) < LOW_CONFIDENCE_THRESHOLD).length;
  return roundValue(unclear / rated.length);
}

/** 100 − 2 × (percentage of unclear words), floored at 0. */
export function scoreClarity(lowConfidenceShare: number): number {
  return clamp(100 - CLARITY_PENALTY_PER_PERCENT * lowConfidenceShare * 100, 0, 100);
}

/** Plain-language clarity advice from the low-confidence share (null: no confidences, so nothing was measured). */
export function recommendClarity(lowConfidenceShare: number | null): string {
  if (lowConfidenceShare === null) return 'The transcript carries no word confidences, so clarity was not measured.';
  if (lowConfidenceShare === 0) return 'Every word came through clearly. Keep it up.';
  const percent = `${Math.round(lowConfidenceShare * 100)}% of words`;
  if (lowConfidenceShare <= CLARITY_ADVICE_SHARE.clear) return `Clear speech: only ${percent} were hard to recognize.`;
  if (lowConfidenceShare <= CLARITY_ADVICE_SHARE.unclear) {
    return `${percent} were hard to recognize. Finish your word endings and keep your voice up to the end of each sentence.`;
  }
  return `${percent} were hard to recognize. Speak more distinctly: slow down slightly, open your mouth more and face the microphone.`;
}
