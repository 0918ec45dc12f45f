import { describe, expect, it } from 'vitest';
import { analyzeTargetTime, scoreTargetTime } from './target-time';

describe('analyzeTargetTime', () => {
  it('reports actual − target as the delta', () => {
    expect(analyzeTargetTime(120, 135.5)).toEqual({ target: 120, actual: 135.5, delta: 15.5 });
    expect(analyzeTargetTime(120, 90)).toEqual({ target: 120, actual: 90, delta: -30 });
  });
});

describe('scoreTargetTime', () => {
  it('is 100 within ±10 % and falls linearly to 0 at ±50 %', () => {
    expect(scoreTargetTime(100, 110)).toBe(100);
    expect(scoreTargetTime(100, 90)).toBe(100);
    expect(scoreTargetTime(100, 130)).toBeCloseTo(50, 10);
    expect(scoreTargetTime(100, 50)).toBe(0);
    expect(scoreTargetTime(100, 300)).toBe(0);
  });

  it('is null when the module has no target', () => {
    expect(scoreTargetTime(0, 50)).toBeNull();
  });
});
