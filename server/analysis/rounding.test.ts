import { describe, expect, it } from 'vitest';
import { clamp, roundTime, roundTo, roundValue } from './rounding';

describe('rounding', () => {
  it('rounds half away from zero and never yields -0', () => {
    expect(roundTo(1.005, 1)).toBe(1);
    expect(roundTo(2.25, 1)).toBe(2.3);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });

  it('uses 3 decimals for times and 2 for values', () => {
    expect(roundTime(1.23456)).toBe(1.235);
    expect(roundValue(1.23456)).toBe(1.23);
  });

  it('clamps', () => {
    expect(clamp(150, 0, 100)).toBe(100);
    expect(clamp(-1, 0, 100)).toBe(0);
    expect(clamp(42, 0, 100)).toBe(42);
  });
});
