import { describe, expect, it } from 'vitest';
import { TranscriptValidationError } from './analysis-errors';
import { validateTranscriptWords } from './transcript-validation';

function issuesOf(raw: unknown): { path: string; message: string }[] {
  try {
    validateTranscriptWords(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptValidationError);
    expect(error).toBeInstanceOf(Error);
    expect((error as TranscriptValidationError).code).toBe('validation_failed');
    return (error as TranscriptValidationError).issues;
  }
  throw new Error('expected a TranscriptValidationError');
}

const ok = (start: number, end: number, text = 'word') => ({ text, start, end });

describe('validateTranscriptWords', () => {
  it('returns clean words with trimmed text and optional confidence', () => {
    expect(validateTranscriptWords([{ text: ' Hello ', start: 0, end: 0.4, confidence: 0.9 }, ok(0.4, 0.8)])).toEqual([
      { text: 'Hello', start: 0, end: 0.4, confidence: 0.9 },
      { text: 'word', start: 0.4, end: 0.8 },
    ]);
  });

  it('tolerates overlapping words and zero-length words', () => {
    expect(validateTranscriptWords([ok(0, 1), ok(0.9, 0.9)])).toHaveLength(2);
  });

  it('rejects an empty transcript', () => {
    expect(issuesOf([])).toEqual([{ path: 'words', message: 'transcript is empty' }]);
    expect(issuesOf('nope')[0]?.path).toBe('words');
  });

  it('names the word whose end is before its start', () => {
    expect(issuesOf([ok(0, 1), ok(1, 2), ok(2, 3), ok(3, 2.5)])).toEqual([
      { path: 'words.3.end', message: 'end (2.5) is before start (3)' },
    ]);
  });

  it('names words out of order', () => {
    expect(issuesOf([ok(0, 1), ok(2, 3), ok(1.5, 1.8)])[0]?.path).toBe('words.2.start');
  });

  it('rejects negative times', () => {
    expect(issuesOf([ok(-1, 1)])).toEqual([{ path: 'words.0.start', message: 'must not be negative' }]);
  });

  it('rejects NaN and Infinity', () => {
    expect(issuesOf([ok(0, Number.NaN)])[0]?.path).toBe('words.0.end');
    expect(issuesOf([ok(0, 1), ok(Number.POSITIVE_INFINITY, 2)])[0]?.path).toBe('words.1.start');
  });

  it('rejects empty or missing text', () => {
    expect(issuesOf([ok(0, 1, '   ')])).toEqual([{ path: 'words.0.text', message: 'must be a non-empty string' }]);
    expect(issuesOf([{ start: 0, end: 1 }])[0]?.path).toBe('words.0.text');
  });

  it('rejects a non-object word and a confidence outside 0..1', () => {
    expect(issuesOf([42])[0]?.path).toBe('words.0');
    expect(issuesOf([{ ...ok(0, 1), confidence: 1.5 }])[0]?.path).toBe('words.0.confidence');
  });

  it('collects every issue and summarizes the first in the message', () => {
    try {
      validateTranscriptWords([ok(0, 1, ''), ok(1, Number.NaN)]);
      throw new Error('unreachable');
    } catch (error) {
      const e = error as TranscriptValidationError;
      expect(e.issues.map((i) => i.path)).toEqual(['words.0.text', 'words.1.end']);
      expect(e.message).toBe('Invalid transcript: words.0.text: must be a non-empty string (and 1 more)');
      expect(e.name).toBe('TranscriptValidationError');
    }
  });
});
