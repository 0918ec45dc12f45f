// Single entry point that detects a transcript's format: timed words (JSON, verbose_json, WebVTT) or plain text.

import { TranscriptFormatError } from './analysis-errors';
import { parseTranscriptObject } from './json-transcript';
import { plainTextWords, type ParsedTranscript } from './plain-transcript';
import type { TranscriptWord } from './session-types';
import { parseVtt } from './vtt-transcript';

/**
 * Detection order: a string starting with "WEBVTT" (after an optional BOM/whitespace) is WebVTT; one starting with
 * `{` or `[` must be JSON; any other string is plain text (the words alone); an object/array is read as our JSON or
 * verbose_json (see json-transcript).
 */
export function readTranscriptInput(input: unknown): ParsedTranscript {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('WEBVTT')) return { kind: 'timed', words: parseVtt(text) };
    if (text.length === 0) throw new TranscriptFormatError('Transcript is empty');
    if (text.startsWith('{') || text.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new TranscriptFormatError('Transcript starts like JSON but is not valid JSON; send plain text, WebVTT (starting with "WEBVTT") or JSON words');
      }
      return { kind: 'timed', words: parseTranscriptObject(parsed) };
    }
    return { kind: 'text', words: plainTextWords(text) };
  }
  return { kind: 'timed', words: parseTranscriptObject(input) };
}

/** Timed words only (a speech-to-text answer must carry times): plain text is refused. */
export function parseTranscript(input: unknown): TranscriptWord[] {
  const parsed = readTranscriptInput(input);
  if (parsed.kind === 'text') throw new TranscriptFormatError('Transcript has no timings (expected WebVTT or JSON words with start and end)');
  return parsed.words;
}
