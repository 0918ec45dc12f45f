import { describe, expect, it } from 'vitest';
import { CLARITY_ADVICE_SHARE, LOW_CONFIDENCE_THRESHOLD, analyzeClarity, recommendClarity, scoreClarity } from './clarity';

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

describe('recommendClarity', () => {
  it('asks for more distinct speech when many words are low-confidence', () => {
    expect(CLARITY_ADVICE_SHARE).toEqual({ clear: 0.05, unclear: 0.15 });
    expect(recommendClarity(0.3)).toBe(
      '30% of words were hard to recognize. Speak more distinctly: slow down slightly, open your mouth more and face the microphone.',
    );
    expect(recommendClarity(0.16)).toMatch(/^16% of words .*Speak more distinctly/);
  });

  it('suggests finishing word endings in the middle band (above 5 %, up to 15 %)', () => {
    expect(recommendClarity(0.15)).toBe('15% of words were hard to recognize. Finish your word endings and keep your voice up to the end of each sentence.');
    expect(recommendClarity(0.06)).toMatch(/^6% of words .*Finish your word endings/);
  });

  it('praises clear speech and is neutral without confidences', () => {
    expect(recommendClarity(0)).toBe('Every word came through clearly. Keep it up.');
    expect(recommendClarity(0.05)).toBe('Clear speech: only 5% of words were hard to recognize.');
    expect(recommendClarity(null)).toBe('The transcript carries no word confidences, so clarity was not measured.');
  });
});
