import { describe, expect, it } from 'vitest';
import { spreadTextOverWords } from './word-timing-spread';

describe('spreadTextOverWords', () => {
  it('splits the span in proportion to word length', () => {
    // 2 + 8 = 10 characters over 10 s.
    expect(spreadTextOverWords('hi everyone', 0, 10)).toEqual([
      { text: 'hi', start: 0, end: 2 },
      { text: 'everyone', start: 2, end: 10 },
    ]);
  });

  it('gives equal-length words equal time and carries the confidence', () => {
    expect(spreadTextOverWords('  one  two ', 4, 5, 0.5)).toEqual([
      { text: 'one', start: 4, end: 4.5, confidence: 0.5 },
      { text: 'two', start: 4.5, end: 5, confidence: 0.5 },
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(spreadTextOverWords('   ', 0, 1)).toEqual([]);
  });
});

describe('spreadTextOverWords punctuation', () => {
  it('ignores punctuation when measuring word length', () => {
    expect(spreadTextOverWords('Hi, all.', 0, 5).map((w) => w.end)).toEqual([2, 5]);
  });
});
