import { describe, expect, it } from 'vitest';
import { UTTERANCE_GAP_SECONDS, UtteranceContext } from './utterance-context';

const context = new UtteranceContext([
  { text: 'Hello,', start: 0, end: 0.4 },
  { text: 'team.', start: 0.5, end: 0.9 },
  { text: 'Today', start: 1, end: 1.3 },
  { text: 'we', start: 1.8, end: 2 },
  { text: 'win', start: 2.1, end: 2.4 },
]);

describe('UtteranceContext', () => {
  it('exposes normalized tokens with empty strings outside the transcript', () => {
    expect(context.token(0)).toBe('hello');
    expect(context.token(-1)).toBe('');
    expect(context.token(99)).toBe('');
  });

  it('starts utterances at the first word, after sentence punctuation and after a 0.5 s gap', () => {
    expect(UTTERANCE_GAP_SECONDS).toBe(0.5);
    expect([0, 1, 2, 3, 4].map((i) => context.isUtteranceStart(i))).toEqual([true, false, true, true, false]);
  });

  it('ends utterances at sentence punctuation, before a 0.5 s gap and at the last word', () => {
    expect([0, 1, 2, 3, 4].map((i) => context.isUtteranceEnd(i))).toEqual([false, true, true, false, true]);
  });

  it('reports comma-like breaks after a word', () => {
    expect(context.hasBreakAfter(0)).toBe(true);
    expect(context.hasBreakAfter(3)).toBe(false);
  });
});
