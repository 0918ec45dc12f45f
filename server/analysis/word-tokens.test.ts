import { describe, expect, it } from 'vitest';
import { endsSentence, endsWithBreak, normalizeToken } from './word-tokens';

describe('normalizeToken', () => {
  it('lowercases and strips surrounding punctuation but keeps inner apostrophes and hyphens', () => {
    expect(normalizeToken('"Pricing,"')).toBe('pricing');
    expect(normalizeToken('It\u2019s')).toBe("it's");
    expect(normalizeToken('(free-trial)!')).toBe('free-trial');
    expect(normalizeToken('...')).toBe('');
  });
});

describe('punctuation', () => {
  it('detects sentence ends', () => {
    expect(endsSentence('done.')).toBe(true);
    expect(endsSentence('right?"')).toBe(true);
    expect(endsSentence('wow!')).toBe(true);
    expect(endsSentence('so,')).toBe(false);
  });

  it('detects comma-like breaks', () => {
    expect(endsWithBreak('was,')).toBe(true);
    expect(endsWithBreak('well\u2014')).toBe(true);
    expect(endsWithBreak('hmm...')).toBe(true);
    expect(endsWithBreak('plain')).toBe(false);
  });
});
