// Compares the pitch's length with the module's target time.

import { clamp, roundTime } from './rounding';
import type { TargetTimeAnalysis } from './session-types';

/** Within ±10 % of the target scores 100; the score falls linearly to 0 at ±50 %. */
export const TARGET_TIME_TOLERANCE = { full: 0.1, zero: 0.5 } as const;

export function analyzeTargetTime(target: number, actual: number): TargetTimeAnalysis {
  return { target: roundTime(target), actual: roundTime(actual), delta: roundTime(actual - target) };
}

/** Null (dropped from the score) when the module sets no target (0). */
export function scoreTargetTime(target: number, actual: number): number | null {
  if (target <= 0) return null;
  const off = Math.abs(actual - target) / target;
  const { full, zero } = TARGET_TIME_TOLERANCE;
  return clamp((100 * (zero - off)) / (zero - full), 0, 100);
}
