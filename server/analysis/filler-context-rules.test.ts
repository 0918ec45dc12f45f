import { describe, expect, it } from 'vitest';
import { isFillerIMean, isFillerKindOf, isFillerLike, isFillerRight, isFillerSo, isFillerYouKnow } from './filler-context-rules';
import { UtteranceContext } from './utterance-context';

function contextOf(sentence: string): UtteranceContext {
  return new UtteranceContext(sentence.split(' ').map((text, i) => ({ text, start: i * 0.3, end: i * 0.3 + 0.3 })));
}

/** Applies `rule` at the first word whose normalized token equals `word`. */
function check(rule: (c: UtteranceContext, i: number) => boolean, sentence: string, word: string): boolean {
  const context = contextOf(sentence);
  return rule(context, context.tokens.indexOf(word));
}

describe('isFillerLike', () => {
  it.each([
    ['it was, like, great', true],
    ['I was like no way', true],
    ["we're like super fast", true],
    ['I, like, think so', true],
    ['I would like to', false],
    ['we like it', false],
    ['tools like Slack', false],
    ["it's like a bank", false],
    ["that's what it's like", false],
    ['Like I said', false],
  ])('%s → %s', (sentence, expected) => {
    expect(check(isFillerLike, sentence, 'like')).toBe(expected);
  });
});

describe('isFillerSo', () => {
  it.each([
    ['So we built it', true],
    ['Done. So here we go', true],
    ['So that is it', false],
    ['So many teams', false],
    ['we built it so you win', false],
    ['and so on', false],
  ])('%s → %s', (sentence, expected) => {
    expect(check(isFillerSo, sentence, 'so')).toBe(expected);
  });
});

describe('other contextual fillers', () => {
  it('right', () => {
    expect(check(isFillerRight, 'fast, right?', 'right')).toBe(true);
    expect(check(isFillerRight, 'that is right.', 'right')).toBe(false);
  });

  it('you know', () => {
    expect(check(isFillerYouKnow, 'it is, you know, fast', 'you')).toBe(true);
    expect(check(isFillerYouKnow, 'as you know we ship', 'you')).toBe(false);
    expect(check(isFillerYouKnow, "I'll let you know", 'you')).toBe(false);
  });

  it('kind of / sort of', () => {
    expect(check(isFillerKindOf, 'it is kind of slow', 'kind')).toBe(true);
    expect(check(isFillerKindOf, 'the right kind of tool', 'kind')).toBe(false);
    expect(check(isFillerKindOf, 'a sort of hub', 'sort')).toBe(false);
  });

  it('I mean', () => {
    expect(check(isFillerIMean, 'I mean we could', 'i')).toBe(true);
    expect(check(isFillerIMean, 'I mean it', 'i')).toBe(false);
    expect(check(isFillerIMean, 'what I mean is', 'i')).toBe(false);
  });
});
