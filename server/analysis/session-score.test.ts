import { describe, expect, it } from 'vitest';
import { SCORE_WEIGHTS, combineScores, type ComponentInput } from './session-score';
import type { ScoreComponentName } from './session-types';

type Raw = Record<ScoreComponentName, number | null>;

/** Wraps bare scores as combineScores inputs; each recommendation is "<name> advice" so it can be traced. */
function input(raw: Raw): Record<ScoreComponentName, ComponentInput | null> {
  const out = {} as Record<ScoreComponentName, ComponentInput | null>;
  for (const [name, score] of Object.entries(raw) as [ScoreComponentName, number | null][]) {
    out[name] = score === null ? null : { score, recommendation: `${name} advice` };
  }
  return out;
}

const scores: Raw = { fillers: 100, pace: 80, pauses: 70, keywords: 50, targetTime: 100, clarity: 90, energy: 40 };
const all = (overrides: Partial<Raw> = {}) => combineScores(input({ ...scores, ...overrides }));

describe('combineScores', () => {
  it('uses the base weights when every component is available', () => {
    const score = all();
    // 0.2·100 + 0.2·80 + 0.1·70 + 0.2·50 + 0.1·100 + 0.1·90 + 0.1·40 = 76
    expect(score.total).toBe(76);
    expect(score.weights).toEqual(SCORE_WEIGHTS);
    expect(score.components.pace).toEqual({ score: 80, weight: 0.2, recommendation: 'pace advice' });
  });

  it('drops unavailable components and renormalizes the rest', () => {
    const score = all({ clarity: null, energy: null });
    expect(score.components.clarity).toBeNull();
    expect(score.components.energy).toBeNull();
    expect(score.weights.clarity).toBe(0);
    expect(score.weights.fillers).toBe(0.25);
    expect(score.weights.pauses).toBe(0.125);
    // (0.2·100 + 0.2·80 + 0.1·70 + 0.2·50 + 0.1·100) / 0.8 = 78.75 → 79
    expect(score.total).toBe(79);
  });

  it('stays within 0..100 and rounds component scores to integers', () => {
    expect(all({ fillers: 0, pace: 0, pauses: 0, keywords: 0, targetTime: 0, clarity: 0, energy: 0 }).total).toBe(0);
    const perfect = all({ fillers: 100, pace: 100, pauses: 100, keywords: 100, targetTime: 100, clarity: 100, energy: 100 });
    expect(perfect.total).toBe(100);
    expect(all({ pace: 80.6 }).components.pace?.score).toBe(81);
    expect(all({ pace: 250 }).components.pace?.score).toBe(100);
  });

  it('passes each component\'s recommendation through', () => {
    const { components } = all();
    for (const name of Object.keys(SCORE_WEIGHTS) as ScoreComponentName[]) {
      expect(components[name]?.recommendation).toBe(`${name} advice`);
    }
  });

  it('keeps a fixed key order', () => {
    const score = all({ keywords: null });
    expect(Object.keys(score.components)).toEqual(Object.keys(SCORE_WEIGHTS));
    expect(Object.keys(score.components.fillers ?? {})).toEqual(['score', 'weight', 'recommendation']);
  });

  it('has base weights that sum to 1', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});
