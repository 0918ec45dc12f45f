// Single entry point that detects a transcript's format and returns validated, timed words.

import { TranscriptFormatError } from './analysis-errors';
import { parseTranscriptObject } from './json-transcript';
import type { TranscriptWord } from './session-types';
import { parseVtt } from './vtt-transcript';

/**
 * Detection order: a string starting with "WEBVTT" (after an optional BOM/whitespace) is WebVTT; any other string
 * must be JSON; an object/array is read as our JSON or verbose_json (see json-transcript).
 */
export function parseTranscript(input: unknown): TranscriptWord[] {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('WEBVTT')) return parseVtt(text);
    if (text.length === 0) throw new TranscriptFormatError('Transcript is empty');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TranscriptFormatError('Transcript text is neither WebVTT (must start with "WEBVTT") nor valid JSON');
    }
    return parseTranscriptObject(parsed);
  }
  return parseTranscriptObject(input);
}
