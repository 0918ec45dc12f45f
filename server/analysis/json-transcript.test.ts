import { describe, expect, it } from 'vitest';
import { TranscriptFormatError, TranscriptValidationError } from './analysis-errors';
import { parseTranscriptObject } from './json-transcript';

describe('parseTranscriptObject', () => {
  it('reads our JSON format with confidences', () => {
    expect(
      parseTranscriptObject({ words: [{ text: 'Hello', start: 0, end: 0.5, confidence: 0.92 }, { text: 'there', start: 0.5, end: 1 }] }),
    ).toEqual([
      { text: 'Hello', start: 0, end: 0.5, confidence: 0.92 },
      { text: 'there', start: 0.5, end: 1 },
    ]);
  });

  it('reads verbose_json words, trimming the leading space and mapping probability to confidence', () => {
    const verbose = {
      task: 'transcribe',
      language: 'english',
      duration: 1.2,
      text: 'Hello there',
      words: [
        { word: ' Hello', start: 0, end: 0.5 },
        { word: ' there', start: 0.6, end: 1.2, probability: 0.4 },
      ],
      segments: [{ id: 0, start: 0, end: 1.2, text: ' Hello there', avg_logprob: -0.2 }],
    };
    expect(parseTranscriptObject(verbose)).toEqual([
      { text: 'Hello', start: 0, end: 0.5 },
      { text: 'there', start: 0.6, end: 1.2, confidence: 0.4 },
    ]);
  });

  it('spreads verbose_json segments over words when there are no word timestamps', () => {
    const words = parseTranscriptObject({
      text: 'Hi all. Thanks',
      segments: [
        { id: 0, start: 0, end: 3, text: ' Hi all.', avg_logprob: Math.log(0.5) },
        { id: 1, start: 3.5, end: 4.5, text: ' Thanks' },
      ],
    });
    expect(words).toEqual([
      { text: 'Hi', start: 0, end: 1.2, confidence: 0.5 },
      { text: 'all.', start: 1.2, end: 3, confidence: 0.5 },
      { text: 'Thanks', start: 3.5, end: 4.5 },
    ]);
  });

  it('uses segments when the words array is empty', () => {
    expect(parseTranscriptObject({ words: [], segments: [{ start: 0, end: 1, text: 'ok' }] })).toEqual([{ text: 'ok', start: 0, end: 1 }]);
  });

  it('reports bad segments by path', () => {
    try {
      parseTranscriptObject({ segments: [{ start: 0, end: 1, text: 'ok' }, { start: 2, end: 1, text: 'bad' }] });
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toBeInstanceOf(TranscriptValidationError);
      expect((error as TranscriptValidationError).issues[0]?.path).toBe('segments.1.end');
    }
  });

  it('reports bad words by index', () => {
    expect(() => parseTranscriptObject({ words: [{ word: 'x', start: 0, end: 1 }, { word: 'y', start: 1 }] })).toThrow(/words\.1\.end/);
  });

  it('accepts a bare array of words', () => {
    expect(parseTranscriptObject([{ text: 'solo', start: 1, end: 2 }])).toEqual([{ text: 'solo', start: 1, end: 2 }]);
  });

  it('refuses objects with neither words nor segments', () => {
    expect(() => parseTranscriptObject({ text: 'hello' })).toThrow(TranscriptFormatError);
    expect(() => parseTranscriptObject(null)).toThrow(TranscriptFormatError);
    expect(() => parseTranscriptObject({ words: [] })).toThrow(TranscriptValidationError);
  });
});
