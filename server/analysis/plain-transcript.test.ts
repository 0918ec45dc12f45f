import { describe, expect, it } from 'vitest';
import { analyzeSession } from './analyze-session';
import { readTranscriptInput } from './transcript-parser';
import { plainTextWords, spreadOverStretches, timeTranscript } from './plain-transcript';
import { TranscriptFormatError } from './analysis-errors';

describe('plain-text transcripts', () => {
  it('are read as words when the text is neither WebVTT nor JSON', () => {
    expect(readTranscriptInput('Hi, um, thanks for   taking\nmy call!')).toEqual({ kind: 'text', words: ['Hi,', 'um,', 'thanks', 'for', 'taking', 'my', 'call!'] });
    // Text that starts like JSON must be JSON.
    expect(() => readTranscriptInput('{ "words": [ }')).toThrow(/not valid JSON/);
    expect(() => readTranscriptInput(' ... — ')).toThrow(TranscriptFormatError);
    expect(plainTextWords('one — two')).toEqual(['one', 'two']);
  });

  it('spread over the voiced stretches keeps each silence between words and never inside one', () => {
    const stretches = [{ start: 0.5, end: 2.5 }, { start: 5, end: 6 }];
    const words = spreadOverStretches('so the warranty covers five years of service'.split(' '), stretches);
    expect(words).toHaveLength(8);
    for (const w of words) expect(stretches.some((s) => w.start >= s.start - 1e-9 && w.end <= s.end + 1e-9)).toBe(true);
    // Two thirds of the voiced time is in the first stretch: most words land there, in order.
    expect(words.filter((w) => w.end <= 2.5).length).toBeGreaterThan(4);
    expect(words.map((w) => w.text).join(' ')).toBe('so the warranty covers five years of service');
    expect(words[0]!.start).toBe(0.5);
    expect(words.at(-1)!.end).toBe(6);
  });

  it('time as estimated over a recording or a stated length, and not at all alone', () => {
    const parsed = readTranscriptInput('um the warranty covers it');
    expect(timeTranscript(parsed, { stretches: [{ start: 1, end: 3 }] }).timing).toBe('estimated');
    const even = timeTranscript(parsed, { duration: 10 });
    expect(even.timing).toBe('estimated');
    expect(even.words.at(-1)!.end).toBe(10);
    const none = timeTranscript(parsed, {});
    expect(none.timing).toBe('none');
    expect(none.words.every((w) => w.start === 0 && w.end === 0)).toBe(true);
    const timed = readTranscriptInput({ words: [{ text: 'hi', start: 0, end: 0.4 }] });
    expect(timeTranscript(timed, { duration: 10 }).timing).toBe('measured');
  });

  it('without any timing score fillers and keywords only; with a length pace scores too', () => {
    const module = { keywords: ['warranty'], targetTime: 30 };
    const parsed = readTranscriptInput('um so the warranty covers um everything for five years and we can start today');
    const alone = timeTranscript(parsed, {});
    const a = analyzeSession({ ...alone, module });
    expect(a.timing).toBe('none');
    expect(a.wpm).toBeNull();
    expect(a.pauses).toBeNull();
    expect(a.targetTime).toBeNull();
    expect(a.fillers.total).toBe(2);
    expect(a.keywords.hit).toEqual(['warranty']);
    expect(Object.entries(a.score.components).filter(([, c]) => c).map(([n]) => n).sort()).toEqual(['fillers', 'keywords']);

    const withLength = analyzeSession({ ...timeTranscript(parsed, { duration: 6 }), module });
    expect(withLength.timing).toBe('estimated');
    expect(withLength.wpm!.average).toBeGreaterThan(100);
    expect(withLength.pauses).toBeNull();
    expect(withLength.score.components.pace).not.toBeNull();
    expect(withLength.score.components.targetTime).not.toBeNull();
  });
});
