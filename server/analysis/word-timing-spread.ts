// Spreads one timed span of text (a VTT cue or a transcription segment) over its words.

import type { TranscriptWord } from './session-types';

/** Spoken length of a token: its letters and digits (punctuation is silent), at least 1 so "&" still gets time. */
function spokenLength(token: string): number {
  return Math.max(1, token.replace(/[^\p{L}\p{N}]/gu, '').length);
}

/**
 * Splits `text` on whitespace and gives each word a share of [start, end] proportional to its spoken length
 * (letters and digits), because longer words take longer to say; this beats an even split for "a" vs
 * "implementation".
 */
export function spreadTextOverWords(
  text: string,
  start: number,
  end: number,
  confidence?: number,
): TranscriptWord[] {
  const tokens = text.split(/\s+/).filter((token) => token.length > 0);
  const totalChars = tokens.reduce((sum, token) => sum + spokenLength(token), 0);
  const span = end - start;
  const words: TranscriptWord[] = [];
  let charsBefore = 0;
  for (const token of tokens) {
    const wordStart = start + (span * charsBefore) / totalChars;
    charsBefore += spokenLength(token);
    // The last word ends exactly at `end` so float drift never pushes it past the span.
    const wordEnd = charsBefore === totalChars ? end : start + (span * charsBefore) / totalChars;
    const word: TranscriptWord = { text: token, start: wordStart, end: wordEnd };
    if (confidence !== undefined) word.confidence = confidence;
    words.push(word);
  }
  return words;
}
