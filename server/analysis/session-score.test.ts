import { describe, expect, it } from 'vitest';
import { SCORE_WEIGHTS, combineScores } from './session-score';

const all = { fillers: 100, pace: 80, pauses: 70, keywords: 50, targetTime: 100, clarity: 90, energy: 40 };

describe('combineScores', () => {
  it('uses the base weights when every component is available', () => {
    const score = combineScores(all);
    // 0.2·100 + 0.2·80 + 0.1·70 + 0.2·50 + 0.1·100 + 0.1·90 + 0.1·40 = 76
    expect(score.total).toBe(76);
    expect(score.weights).toEqual(SCORE_WEIGHTS);
    expect(score.components.pace).toEqual({ score: 80, weight: 0.2 });
  });

  it('drops unavailable components and renormalizes the rest', () => {
    const score = combineScores({ ...all, clarity: null, energy: null });
    expect(score.components.clarity).toBeNull();
    expect(score.components.energy).toBeNull();
    expect(score.weights.clarity).toBe(0);
    expect(score.weights.fillers).toBe(0.25);
    expect(score.weights.pauses).toBe(0.125);
    // (0.2·100 + 0.2·80 + 0.1·70 + 0.2·50 + 0.1·100) / 0.8 = 78.75 → 79
    expect(score.total).toBe(79);
  });

  it('stays within 0..100 and rounds component scores to integers', () => {
    expect(combineScores({ ...all, fillers: 0, pace: 0, pauses: 0, keywords: 0, targetTime: 0, clarity: 0, energy: 0 }).total).toBe(0);
    const perfect = combineScores({ fillers: 100, pace: 100, pauses: 100, keywords: 100, targetTime: 100, clarity: 100, energy: 100 });
    expect(perfect.total).toBe(100);
    expect(combineScores({ ...all, pace: 80.6 }).components.pace?.score).toBe(81);
    expect(combineScores({ ...all, pace: 250 }).components.pace?.score).toBe(100);
  });

  it('keeps a fixed key order', () => {
    expect(Object.keys(combineScores({ ...all, keywords: null }).components)).toEqual(Object.keys(SCORE_WEIGHTS));
  });

  it('has base weights that sum to 1', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});
