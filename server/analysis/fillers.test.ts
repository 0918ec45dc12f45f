import { describe, expect, it } from 'vitest';
import { FILLERS, analyzeFillers, findFillers, scoreFillers } from './fillers';
import type { TranscriptWord } from './session-types';

/** Words 0.3 s long, back to back, from a sentence. */
function say(sentence: string, start = 0): TranscriptWord[] {
  return sentence.split(' ').map((text, i) => ({ text, start: start + i * 0.3, end: start + i * 0.3 + 0.3 }));
}

const fillerWords = (sentence: string): string[] => findFillers(say(sentence)).map((f) => f.word);

describe('findFillers', () => {
  it('finds three "um" at their exact times and word indexes', () => {
    const words: TranscriptWord[] = [
      { text: 'Um,', start: 0.5, end: 0.8 },
      { text: 'our', start: 0.9, end: 1.1 },
      { text: 'product', start: 1.1, end: 1.6 },
      { text: 'um', start: 2.25, end: 2.5 },
      { text: 'saves', start: 2.6, end: 3.0 },
      { text: 'umm...', start: 4.125, end: 4.5 },
      { text: 'time.', start: 4.6, end: 5.0 },
    ];
    const result = analyzeFillers(words, 1);
    expect(result.total).toBe(3);
    expect(result.summary).toEqual({ um: 3 });
    expect(result.locations).toEqual([
      { index: 0, start: 0.5, word: 'um' },
      { index: 3, start: 2.25, word: 'um' },
      { index: 5, start: 4.125, word: 'um' },
    ]);
  });

  it('does not count "like" as a verb', () => {
    expect(fillerWords('I would like to show you the dashboard')).toEqual([]);
    expect(fillerWords('I like this plan')).toEqual([]);
    expect(fillerWords('it looks like a great fit')).toEqual([]);
    expect(fillerWords('it feels like magic')).toEqual([]);
  });

  it('counts "like" set off by commas or after "be"', () => {
    expect(findFillers(say('it was, like, great'))).toEqual([{ index: 2, start: 0.6, word: 'like' }]);
    expect(fillerWords('it was like great')).toEqual(['like']);
    expect(fillerWords('there were like twenty people')).toEqual(['like']);
  });

  it('keeps comparison "like" after "be"', () => {
    expect(fillerWords("it's like a bank for your data")).toEqual([]);
    expect(fillerWords("you know what it's like to chase invoices")).toEqual(['you know']);
  });

  it('counts "so" only at the start of an utterance', () => {
    expect(fillerWords('So our platform saves you time')).toEqual(['so']);
    expect(fillerWords('We are fast. So you save money')).toEqual(['so']);
    expect(fillerWords('We built it so that you save time')).toEqual([]);
    expect(fillerWords('So that is the plan')).toEqual([]);
    expect(fillerWords('So much value for the price')).toEqual([]);
    expect(fillerWords('I think so')).toEqual([]);
  });

  it('treats a pause of at least 0.5 s as an utterance start for "so"', () => {
    const words = [...say('We are fast'), ...say('so you save money', 1.4)];
    expect(findFillers(words)).toEqual([{ index: 3, start: 1.4, word: 'so' }]);
  });

  it('does not count "so" that closes an utterance', () => {
    expect(fillerWords('Yes. So. We start')).toEqual([]);
  });

  it('matches multi-word fillers and reports the first word index', () => {
    expect(findFillers(say('we are, you know, the leader'))).toEqual([{ index: 2, start: 0.6, word: 'you know' }]);
    expect(fillerWords('it is kind of expensive')).toEqual(['kind of']);
    expect(fillerWords('what kind of team do you run')).toEqual([]);
    expect(fillerWords('I mean the setup is easy')).toEqual(['i mean']);
    expect(fillerWords('that is what I mean')).toEqual([]);
    expect(fillerWords('do you know our pricing')).toEqual([]);
  });

  it('counts "right" only as a tag question or an opener', () => {
    expect(fillerWords('it saves time, right?')).toEqual(['right']);
    expect(fillerWords('Right, let us begin')).toEqual(['right']);
    expect(fillerWords('is that right?')).toEqual([]);
    expect(fillerWords('the right tool')).toEqual([]);
  });

  it('always counts hedges and hesitations, case-insensitively', () => {
    expect(fillerWords('Basically it actually literally works uh hmm')).toEqual(['basically', 'actually', 'literally', 'uh', 'hmm']);
  });
});

describe('analyzeFillers', () => {
  it('sorts summary keys alphabetically and names the top filler', () => {
    const result = analyzeFillers(say('So um we are, like, ready uh um'), 0.5);
    expect(Object.keys(result.summary)).toEqual(['like', 'so', 'uh', 'um']);
    expect(result.total).toBe(5);
    expect(result.recommendation).toContain('"um" (2)');
  });

  it('praises a clean pitch', () => {
    expect(analyzeFillers(say('our product saves time'), 1).recommendation).toMatch(/No filler/);
  });
});

describe('scoreFillers', () => {
  it('is 100 up to one filler per minute and loses 15 points per extra filler per minute', () => {
    expect(scoreFillers(2, 2)).toBe(100);
    expect(scoreFillers(3, 1)).toBe(70);
    expect(scoreFillers(100, 1)).toBe(0);
  });
});

describe('FILLERS', () => {
  it('lists each canonical filler once', () => {
    const names = FILLERS.map((f) => f.filler);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['um', 'uh', 'like', 'so', 'you know', 'kind of', 'sort of', 'i mean']));
  });
});

describe('filler recommendation wording', () => {
  const at = (texts: string[]) => texts.map((text, i) => ({ text, start: i * 0.5, end: i * 0.5 + 0.4 }));

  it('names the most frequent filler only when one repeats', () => {
    const repeated = analyzeFillers(at(['um', 'we', 'um', 'ship', 'uh', 'today']), 0.05);
    expect(repeated.recommendation).toContain('most often "um" (2)');
    const distinct = analyzeFillers(at(['um', 'we', 'uh', 'ship', 'er', 'today']), 0.05);
    expect(distinct.recommendation).not.toContain('most often');
    expect(distinct.recommendation).toContain('such as "er", "uh", "um"');
  });
});
