import { describe, expect, it } from 'vitest';
import { TARGET_TIME_TOLERANCE, analyzeTargetTime, recommendTargetTime, scoreTargetTime } from './target-time';

describe('analyzeTargetTime', () => {
  it('reports actual − target as the delta, with a recommendation', () => {
    expect(analyzeTargetTime(120, 135.5)).toEqual({
      target: 120,
      actual: 135.5,
      delta: 15.5,
      recommendation: 'Too long by 16 s (136 s against a 120 s target). Trim to 132 s or less by cutting detail that does not support your key points.',
    });
    expect(analyzeTargetTime(120, 90)).toEqual({
      target: 120,
      actual: 90,
      delta: -30,
      recommendation: 'Too short by 30 s (90 s against a 120 s target). Use at least 108 s: add a concrete example or customer proof point.',
    });
  });
});

describe('recommendTargetTime', () => {
  it('says how far over the target a long pitch ran', () => {
    expect(recommendTargetTime(120, 150)).toMatch(/^Too long by 30 s \(150 s against a 120 s target\)\. Trim to 132 s or less/);
  });

  it('uses the same ±10 % tolerance as the score, boundary included', () => {
    expect(TARGET_TIME_TOLERANCE.full).toBe(0.1);
    expect(recommendTargetTime(60, 60)).toBe('On time: 60 s against a 60 s target, within ±10 %.');
    expect(recommendTargetTime(100, 110)).toBe('On time: 110 s against a 100 s target, within ±10 %.');
    expect(recommendTargetTime(100, 90)).toBe('On time: 90 s against a 100 s target, within ±10 %.');
    expect(scoreTargetTime(100, 110)).toBe(100);
    expect(recommendTargetTime(100, 110.2)).toMatch(/^Too long by 10.2 s/);
    expect(recommendTargetTime(100, 89.8)).toMatch(/^Too short by 10.2 s/);
  });

  it('is neutral when the module sets no target', () => {
    expect(analyzeTargetTime(0, 45).recommendation).toBe('This module sets no target time, so length was not checked.');
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
