import { describe, expect, it } from 'vitest';
import { TranscriptFormatError, TranscriptValidationError } from './analysis-errors';
import { parseTranscript } from './transcript-parser';

describe('parseTranscript', () => {
  it('detects WebVTT text', () => {
    expect(parseTranscript('WEBVTT\n\n00:00.000 --> 00:01.000\nhello')).toEqual([{ text: 'hello', start: 0, end: 1 }]);
    expect(parseTranscript('\n  WEBVTT\n\n00:00.000 --> 00:01.000\nhello')).toHaveLength(1);
  });

  it('detects a JSON string in our format and in verbose_json', () => {
    expect(parseTranscript(JSON.stringify({ words: [{ text: 'a', start: 0, end: 1 }] }))).toEqual([{ text: 'a', start: 0, end: 1 }]);
    expect(parseTranscript(JSON.stringify({ words: [{ word: ' b', start: 0, end: 1 }] }))).toEqual([{ text: 'b', start: 0, end: 1 }]);
    expect(parseTranscript(JSON.stringify({ segments: [{ start: 0, end: 1, text: 'c' }] }))).toEqual([{ text: 'c', start: 0, end: 1 }]);
  });

  it('accepts already-parsed objects', () => {
    expect(parseTranscript({ words: [{ text: 'a', start: 0, end: 1 }] })).toHaveLength(1);
  });

  it('refuses text that is neither VTT nor JSON', () => {
    expect(() => parseTranscript('hello world')).toThrow(TranscriptFormatError);
    expect(() => parseTranscript('')).toThrow(TranscriptFormatError);
    expect(() => parseTranscript(42)).toThrow(TranscriptFormatError);
  });

  it('passes validation errors through with their paths', () => {
    expect(() => parseTranscript({ words: [{ text: 'a', start: 1, end: 0 }] })).toThrow(TranscriptValidationError);
  });
});
