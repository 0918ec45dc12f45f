import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE_THRESHOLD, analyzeClarity, scoreClarity } from './clarity';

describe('analyzeClarity', () => {
  it('is null when no word carries a confidence', () => {
    expect(analyzeClarity([{ text: 'a', start: 0, end: 1 }])).toBeNull();
  });

  it('is the share of rated words below 0.6', () => {
    expect(LOW_CONFIDENCE_THRESHOLD).toBe(0.6);
    const words = [
      { text: 'a', start: 0, end: 1, confidence: 0.59 },
      { text: 'b', start: 1, end: 2, confidence: 0.6 },
      { text: 'c', start: 2, end: 3, confidence: 0.95 },
      { text: 'd', start: 3, end: 4 },
    ];
    expect(analyzeClarity(words)).toBe(0.33);
  });
});

describe('scoreClarity', () => {
  it('loses 2 points per percent of unclear words', () => {
    expect(scoreClarity(0)).toBe(100);
    expect(scoreClarity(0.1)).toBe(80);
    expect(scoreClarity(0.6)).toBe(0);
  });
});
