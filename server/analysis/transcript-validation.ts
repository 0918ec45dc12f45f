// Checks a raw word list and returns clean TranscriptWords, or throws TranscriptValidationError naming each bad word.

import { TranscriptValidationError, type ValidationIssue } from './analysis-errors';
import type { TranscriptWord } from './session-types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTime(value: unknown, path: string, issues: ValidationIssue[]): value is number {
  if (typeof value !== 'number') {
    issues.push({ path, message: 'must be a number of seconds' });
    return false;
  }
  if (!Number.isFinite(value)) {
    issues.push({ path, message: 'must be a finite number (got NaN or Infinity)' });
    return false;
  }
  if (value < 0) {
    issues.push({ path, message: 'must not be negative' });
    return false;
  }
  return true;
}

/**
 * Validates every word and collects all issues before throwing, so an editor can fix a transcript in one pass.
 * Rules: non-empty list; each word has non-empty `text`, finite non-negative `start`/`end`, `end >= start`,
 * starts never go backwards (overlaps are tolerated because recognizers often emit them), and an optional
 * `confidence` in 0..1.
 */
export function validateTranscriptWords(raw: unknown, basePath = 'words'): TranscriptWord[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(raw)) {
    throw new TranscriptValidationError([{ path: basePath, message: 'must be an array of words' }]);
  }
  if (raw.length === 0) {
    throw new TranscriptValidationError([{ path: basePath, message: 'transcript is empty' }]);
  }

  const words: TranscriptWord[] = [];
  let previousStart: number | null = null;
  raw.forEach((entry: unknown, index: number) => {
    const path = `${basePath}.${index}`;
    if (!isRecord(entry)) {
      issues.push({ path, message: 'must be an object with text, start and end' });
      previousStart = null;
      return;
    }
    const text = entry['text'];
    const textOk = typeof text === 'string' && text.trim().length > 0;
    if (!textOk) issues.push({ path: `${path}.text`, message: 'must be a non-empty string' });

    const start = entry['start'];
    const end = entry['end'];
    const startOk = checkTime(start, `${path}.start`, issues);
    const endOk = checkTime(end, `${path}.end`, issues);
    if (startOk && endOk && end < start) {
      issues.push({ path: `${path}.end`, message: `end (${end}) is before start (${start})` });
    }
    if (startOk && previousStart !== null && start < previousStart) {
      issues.push({
        path: `${path}.start`,
        message: `words are out of order: starts at ${start}, before the previous word (${previousStart})`,
      });
    }
    previousStart = startOk ? start : previousStart;

    const confidence = entry['confidence'];
    let confidenceOk = true;
    if (confidence !== undefined && confidence !== null) {
      if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
        issues.push({ path: `${path}.confidence`, message: 'must be a number between 0 and 1' });
        confidenceOk = false;
      }
    }

    if (textOk && startOk && endOk) {
      const word: TranscriptWord = { text: text.trim(), start, end };
      if (confidenceOk && typeof confidence === 'number') word.confidence = confidence;
      words.push(word);
    }
  });

  if (issues.length > 0) throw new TranscriptValidationError(issues);
  return words;
}
