import { describe, expect, it } from 'vitest';
import { analyzeKeywords, scoreKeywords } from './keywords';
import type { TranscriptWord } from './session-types';

function say(sentence: string): TranscriptWord[] {
  return sentence.split(' ').map((text, i) => ({ text, start: i * 0.3, end: i * 0.3 + 0.3 }));
}

const keywords = ['free trial', 'price', 'ROI', 'integration'];

describe('analyzeKeywords', () => {
  it('hits every keyword, tolerating case, punctuation and inflection', () => {
    const words = say('Start your Free trials today. Pricing, simple. Strong roi with integrations!');
    expect(analyzeKeywords(words, keywords)).toEqual({ hit: keywords, missed: [] });
  });

  it('misses keywords that are absent', () => {
    expect(analyzeKeywords(say('hello and welcome'), keywords)).toEqual({ hit: [], missed: keywords });
  });

  it('requires multi-word keywords as consecutive words', () => {
    expect(analyzeKeywords(say('free for a trial'), ['free trial']).missed).toEqual(['free trial']);
    expect(analyzeKeywords(say('a free-trial offer'), ['free trial']).hit).toEqual(['free trial']);
  });

  it('keeps module spelling and order and drops duplicates', () => {
    expect(analyzeKeywords(say('pricing'), ['Price', 'prices', 'demo'])).toEqual({ hit: ['Price'], missed: ['demo'] });
  });
});

describe('scoreKeywords', () => {
  it('scores the share hit and is null without keywords', () => {
    expect(scoreKeywords({ hit: ['a'], missed: ['b', 'c', 'd'] })).toBe(25);
    expect(scoreKeywords({ hit: [], missed: [] })).toBeNull();
  });
});
