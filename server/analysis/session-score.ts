// Combines the per-metric scores into one 0–100 pitch score with documented weights.

import { roundTo } from './rounding';
import type { ScoreComponent, ScoreComponentName, SessionScore } from './session-types';

/** Base weights (sum 1). Unavailable components are dropped and the rest renormalized to sum 1. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreComponentName, number>> = {
  fillers: 0.2,
  pace: 0.2,
  pauses: 0.1,
  keywords: 0.2,
  targetTime: 0.1,
  clarity: 0.1,
  energy: 0.1,
};

/** One metric's raw (unrounded) score and its plain-language recommendation; null when the metric is unavailable. */
export interface ComponentInput {
  score: number;
  recommendation: string;
}

const COMPONENT_ORDER: readonly ScoreComponentName[] = ['fillers', 'pace', 'pauses', 'keywords', 'targetTime', 'clarity', 'energy'];
/** Weights are reported with 4 decimals so e.g. 0.2 / 0.8 = 0.25 and 0.1 / 0.7 = 0.1429 stay readable. */
const WEIGHT_DECIMALS = 4;

/**
 * Each component score is rounded to an integer 0–100; total = round(Σ score × weight) using the effective
 * (renormalized) weights, so a manager can recompute it from the reported numbers. Each component is reported as
 * `{ score, weight, recommendation }` in that key order.
 */
export function combineScores(raw: Readonly<Record<ScoreComponentName, ComponentInput | null>>): SessionScore {
  const available = COMPONENT_ORDER.filter((name) => raw[name] !== null);
  const weightSum = available.reduce((sum, name) => sum + SCORE_WEIGHTS[name], 0);
  const components = {} as Record<ScoreComponentName, ScoreComponent | null>;
  const weights = {} as Record<ScoreComponentName, number>;
  let total = 0;
  for (const name of COMPONENT_ORDER) {
    const input = raw[name];
    if (input === null || weightSum === 0) {
      components[name] = null;
      weights[name] = 0;
      continue;
    }
    const weight = SCORE_WEIGHTS[name] / weightSum;
    const score = Math.round(Math.min(100, Math.max(0, input.score)));
    total += score * weight;
    components[name] = { score, weight: roundTo(weight, WEIGHT_DECIMALS), recommendation: input.recommendation };
    weights[name] = roundTo(weight, WEIGHT_DECIMALS);
  }
  return { total: Math.min(100, Math.max(0, Math.round(total))), components, weights };
}
