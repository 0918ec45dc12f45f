import { describe, expect, it } from 'vitest';
import { MAX_MISSED_KEYWORDS_NAMED, analyzeKeywords, keywordLocations, recommendKeywords, scoreKeywords } from './keywords';
import type { TranscriptWord } from './session-types';

function say(sentence: string): TranscriptWord[] {
  return sentence.split(' ').map((text, i) => ({ text, start: i * 0.3, end: i * 0.3 + 0.3 }));
}

const keywords = ['free trial', 'price', 'ROI', 'integration'];

describe('analyzeKeywords', () => {
  it('hits every keyword, tolerating case, punctuation and inflection', () => {
    const words = say('Start your Free trials today. Pricing, simple. Strong roi with integrations!');
    expect(analyzeKeywords(words, keywords)).toEqual({
      hit: keywords,
      missed: [],
      recommendation: 'You used all 4 module keywords. Great message coverage.',
    });
  });

  it('misses keywords that are absent', () => {
    expect(analyzeKeywords(say('hello and welcome'), keywords)).toEqual({
      hit: [],
      missed: keywords,
      recommendation: 'You used 0 of 4 keywords. Work in: free trial, price, ROI and 1 more.',
    });
  });

  it('requires multi-word keywords as consecutive words', () => {
    expect(analyzeKeywords(say('free for a trial'), ['free trial']).missed).toEqual(['free trial']);
    expect(analyzeKeywords(say('a free-trial offer'), ['free trial']).hit).toEqual(['free trial']);
  });

  it('keeps module spelling and order and drops duplicates', () => {
    expect(analyzeKeywords(say('pricing'), ['Price', 'prices', 'demo'])).toEqual({
      hit: ['Price'],
      missed: ['demo'],
      recommendation: 'You used 1 of 2 keywords. Work in: demo.',
    });
  });
});

describe('recommendKeywords', () => {
  it('names the missed keywords in module order', () => {
    const result = analyzeKeywords(say('our price is simple'), ['free trial', 'price', 'warranty']);
    expect(result.recommendation).toBe('You used 1 of 3 keywords. Work in: free trial, warranty.');
  });

  it(`names at most ${MAX_MISSED_KEYWORDS_NAMED} missed keywords and counts the rest`, () => {
    expect(MAX_MISSED_KEYWORDS_NAMED).toBe(3);
    expect(recommendKeywords([], ['a', 'b', 'c'])).toBe('You used 0 of 3 keywords. Work in: a, b, c.');
    expect(recommendKeywords(['x'], ['a', 'b', 'c', 'd', 'e'])).toBe('You used 1 of 6 keywords. Work in: a, b, c and 2 more.');
  });

  it('praises full coverage and is neutral when the module lists no keywords', () => {
    expect(recommendKeywords(['demo'], [])).toBe('You used the module keyword. Great message coverage.');
    expect(analyzeKeywords(say('hello'), []).recommendation).toBe('This module lists no keywords, so none were checked.');
  });
});

describe('scoreKeywords', () => {
  it('scores the share hit and is null without keywords', () => {
    expect(scoreKeywords({ hit: ['a'], missed: ['b', 'c', 'd'] })).toBe(25);
    expect(scoreKeywords({ hit: [], missed: [] })).toBeNull();
  });
});

describe('keywordLocations', () => {
  it('finds every occurrence by the same stemmed matching, with the words it spans', () => {
    const words = say('Try our free trial. Pricing is simple, and the free-trial ends never. Free trials!');
    expect(keywordLocations(words, ['free trial', 'price', 'demo'])).toEqual([
      { keyword: 'free trial', index: 2, length: 2 },
      { keyword: 'price', index: 4, length: 1 },
      { keyword: 'free trial', index: 9, length: 1 },
      { keyword: 'free trial', index: 12, length: 2 },
    ]);
  });

  it('agrees with analyzeKeywords about what was hit', () => {
    const words = say('we integrate with your CRM and offer financing');
    const list = ['integration', 'financing', 'warranty', 'CRM'];
    const hit = new Set(keywordLocations(words, list).map((l) => l.keyword));
    expect([...hit].sort()).toEqual([...analyzeKeywords(words, list).hit].sort());
  });
});
