// Estimates how clearly the rep spoke from the transcriber's per-word confidence.

import { clamp, roundValue } from './rounding';
import type { TranscriptWord } from './session-types';

/** A word recognized with confidence below 0.6 counts as unclear. */
export const LOW_CONFIDENCE_THRESHOLD = 0.6;
/** Points lost per percentage point of unclear words (so 50 % unclear scores 0). */
export const CLARITY_PENALTY_PER_PERCENT = 2;

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
