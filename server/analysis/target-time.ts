// Compares the pitch's length with the module's target time.

import { clamp, roundTime, roundTo } from './rounding';
import type { TargetTimeAnalysis } from './session-types';

/** Within ±10 % of the target scores 100; the score falls linearly to 0 at ±50 %. */
export const TARGET_TIME_TOLERANCE = { full: 0.1, zero: 0.5 } as const;

/** |actual − target| ÷ target: how far off the pitch ran, as a share of the target (target must be > 0). */
function shareOff(target: number, actual: number): number {
  return Math.abs(actual - target) / target;
}

/**
 * Seconds in recommendation text: whole from 10 s on ("32 s", not "31.5 s"), to 0.1 s below ("4.5 s") — and to 0.1 s
 * throughout a sentence whose length would otherwise read the same as the bound it misses ("110.2 s … trim to 110 s").
 */
function seconds(value: number, precise = false): string {
  return `${value >= 10 && !precise ? Math.round(value) : roundTo(value, 1)} s`;
}

/**
 * Within the full-score tolerance (±10 %, the same test the score uses) → on time; otherwise too long / too short
 * by |delta|, with the bound to aim for. No target (0) → a neutral sentence.
 */
export function recommendTargetTime(target: number, actual: number): string {
  if (target <= 0) return 'This module sets no target time, so length was not checked.';
  const tolerance = TARGET_TIME_TOLERANCE.full;
  const percent = Math.round(tolerance * 100);
  const bound = actual > target ? target * (1 + tolerance) : target * (1 - tolerance);
  const precise = Math.round(actual) === Math.round(bound);
  const against = `${seconds(actual, precise)} against a ${seconds(target, precise)} target`;
  if (shareOff(target, actual) <= tolerance) return `On time: ${against}, within ±${percent} %.`;
  if (actual > target) {
    return `Too long by ${seconds(actual - target, precise)} (${against}). Trim to ${seconds(bound, precise)} or less by cutting detail that does not support your key points.`;
  }
  return `Too short by ${seconds(target - actual, precise)} (${against}). Use at least ${seconds(bound, precise)}: add a concrete example or customer proof point.`;
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
