// Compares the pitch's length with the module's target time.

import { clamp, roundTime, roundTo } from './rounding';
import type { TargetTimeAnalysis } from './session-types';

/** Within ±10 % of the target scores 100; the score falls linearly to 0 at ±50 %. */
export const TARGET_TIME_TOLERANCE = { full: 0.1, zero: 0.5 } as const;

/** |actual − target| ÷ target: how far off the pitch ran, as a share of the target (target must be > 0). */
function shareOff(target: number, actual: number): number {
  return Math.abs(actual - target) / target;
}

/** Seconds in recommendation text are rounded to 0.1 s ("30 s", "4.5 s"). */
function seconds(value: number): string {
  return `${roundTo(value, 1)} s`;
}

/**
 * Within the full-score tolerance (±10 %, the same test the score uses) → on time; otherwise too long / too short
 * by |delta|, with the bound to aim for. No target (0) → a neutral sentence.
 */
export function recommendTargetTime(target: number, actual: number): string {
  if (target <= 0) return 'This module sets no target time, so length was not checked.';
  const tolerance = TARGET_TIME_TOLERANCE.full;
  const percent = Math.round(tolerance * 100);
  const against = `${seconds(actual)} against a ${seconds(target)} target`;
  if (shareOff(target, actual) <= tolerance) return `On time: ${against}, within ±${percent} %.`;
  if (actual > target) {
    return `Too long by ${seconds(actual - target)} (${against}). Trim to ${seconds(target * (1 + tolerance))} or less by cutting detail that does not support your key points.`;
  }
  return `Too short by ${seconds(target - actual)} (${against}). Use at least ${seconds(target * (1 - tolerance))}: add a concrete example or customer proof point.`;
}

export function analyzeTargetTime(target: number, actual: number): TargetTimeAnalysis {
  return {
    target: roundTime(target),
    actual: roundTime(actual),
    delta: roundTime(actual - target),
    recommendation: recommendTargetTime(target, actual),
  };
}

/** Null (dropped from the score) when the module sets no target (0). */
export function scoreTargetTime(target: number, actual: number): number | null {
  if (target <= 0) return null;
  const off = shareOff(target, actual);
  const { full, zero } = TARGET_TIME_TOLERANCE;
  return clamp((100 * (zero - off)) / (zero - full), 0, 100);
}
