// Reads our JSON transcript and the OpenAI-compatible verbose_json transcription format into timed words.

import { TranscriptFormatError, TranscriptValidationError, type ValidationIssue } from './analysis-errors';
import type { TranscriptWord } from './session-types';
import { validateTranscriptWords } from './transcript-validation';
import { spreadTextOverWords } from './word-timing-spread';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Maps one word entry onto our shape: verbose_json names the text `word` (often with a leading space) and some
 * Whisper servers add a `probability`, which we treat as the confidence. Anything odd is passed through so the
 * validator can report it with its index.
 */
function toWordEntry(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const text = typeof entry['text'] === 'string' ? entry['text'] : entry['word'];
  const confidence = entry['confidence'] ?? entry['probability'];
  const mapped: Record<string, unknown> = { text, start: entry['start'], end: entry['end'] };
  if (confidence !== undefined && confidence !== null) mapped['confidence'] = confidence;
  return mapped;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Spreads verbose_json segments over their words. A segment's `avg_logprob` (mean log-probability of its tokens)
 * becomes every word's confidence via exp(), which maps it back to a 0..1 probability.
 */
function wordsFromSegments(segments: unknown[]): TranscriptWord[] {
  const issues: ValidationIssue[] = [];
  const words: TranscriptWord[] = [];
  segments.forEach((segment: unknown, index: number) => {
    const path = `segments.${index}`;
    if (!isRecord(segment)) {
      issues.push({ path, message: 'must be an object with start, end and text' });
      return;
    }
    const { start, end, text } = segment;
    const logprob = segment['avg_logprob'];
    if (!isTime(start)) issues.push({ path: `${path}.start`, message: 'must be a finite, non-negative number' });
    if (!isTime(end)) issues.push({ path: `${path}.end`, message: 'must be a finite, non-negative number' });
    if (isTime(start) && isTime(end) && end < start) {
      issues.push({ path: `${path}.end`, message: `end (${end}) is before start (${start})` });
    }
    if (typeof text !== 'string') issues.push({ path: `${path}.text`, message: 'must be a string' });
    if (logprob !== undefined && logprob !== null && (typeof logprob !== 'number' || !Number.isFinite(logprob))) {
      issues.push({ path: `${path}.avg_logprob`, message: 'must be a finite number' });
    }
    if (issues.length > 0 || !isTime(start) || !isTime(end) || typeof text !== 'string') return;
    const confidence = typeof logprob === 'number' ? Math.min(1, Math.max(0, Math.exp(logprob))) : undefined;
    words.push(...spreadTextOverWords(text, start, end, confidence));
  });
  if (issues.length > 0) throw new TranscriptValidationError(issues);
  return words;
}

/**
 * Accepts `{ words: [...] }` (our JSON or verbose_json word timestamps), `{ segments: [...] }` (verbose_json without
 * word timestamps; used only when `words` is missing or empty), or a bare array of words.
 */
export function parseTranscriptObject(input: unknown): TranscriptWord[] {
  if (Array.isArray(input)) return validateTranscriptWords(input.map(toWordEntry));
  if (!isRecord(input)) {
    throw new TranscriptFormatError('Transcript must be an object with "words" or "segments", a JSON string or WebVTT text');
  }
  const { words, segments } = input;
  const hasWords = Array.isArray(words) && words.length > 0;
  if (!hasWords && Array.isArray(segments) && segments.length > 0) {
    return validateTranscriptWords(wordsFromSegments(segments));
  }
  if (Array.isArray(words)) return validateTranscriptWords(words.map(toWordEntry));
  if (words !== undefined) {
    throw new TranscriptValidationError([{ path: 'words', message: 'must be an array of words' }]);
  }
  if (Array.isArray(segments)) {
    throw new TranscriptValidationError([{ path: 'words', message: 'transcript is empty' }]);
  }
  throw new TranscriptFormatError('Transcript object has neither "words" nor "segments"');
}
