// Plain-text transcripts (only the words, as someone typed or pasted them) and how their words get times: spread over
// the recording's voiced stretches, or evenly over a stated length. Such timings are estimates and are marked so.

import { TranscriptFormatError } from './analysis-errors';
import type { TranscriptTiming, TranscriptWord } from './session-types';
import type { VoicedStretch } from './voiced-stretches';
import { spreadTextOverWords } from './word-timing-spread';

/** About an hour of talk; a longer paste is not a practice pitch. */
export const PLAIN_TEXT_MAX_WORDS = 20_000;
/**
 * Speaking rate assumed for the filler rate when plain words come with neither a recording nor a length: the middle
 * of the good pace band, so a transcript is neither flattered nor punished for a length nobody measured.
 */
export const NOMINAL_WPM = 140;

/** The words of a plain-text transcript, split on whitespace; refused when empty or absurdly long. */
export function plainTextWords(text: string): string[] {
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) throw new TranscriptFormatError('Transcript has no words');
  if (words.length > PLAIN_TEXT_MAX_WORDS) throw new TranscriptFormatError(`Transcript has ${words.length} words; at most ${PLAIN_TEXT_MAX_WORDS} are taken`);
  return words;
}

/** Characters that take time to say (letters and digits), at least 1 per word. */
const spoken = (word: string) => Math.max(1, word.replace(/[^\p{L}\p{N}]/gu, '').length);

/**
 * Gives each word a place in the voiced stretches: the words, by their spoken length, share the total voiced time in
 * order; each word goes to the stretch its middle falls in, and each stretch spreads its own words over itself. So
 * the silences between stretches stay silences between words (a pause is never inside a word).
 */
export function spreadOverStretches(words: readonly string[], stretches: readonly VoicedStretch[]): TranscriptWord[] {
  const total = stretches.reduce((sum, s) => sum + (s.end - s.start), 0);
  if (stretches.length === 0 || total <= 0) return [];
  const chars = words.reduce((sum, w) => sum + spoken(w), 0);
  // Cumulative voiced time at the end of each stretch.
  const ends: number[] = [];
  stretches.reduce((sum, s) => (ends.push(sum + s.end - s.start), sum + s.end - s.start), 0);
  const groups: string[][] = stretches.map(() => []);
  let before = 0;
  let at = 0;
  for (const word of words) {
    const middle = ((before + spoken(word) / 2) / chars) * total;
    before += spoken(word);
    while (at < stretches.length - 1 && middle > ends[at]!) at += 1;
    groups[at]!.push(word);
  }
  return stretches.flatMap((s, i) => (groups[i]!.length ? spreadTextOverWords(groups[i]!.join(' '), s.start, s.end) : []));
}

/** Evenly over [0, seconds], by spoken length: all a stated length can tell. */
export function spreadOverLength(words: readonly string[], seconds: number): TranscriptWord[] {
  return spreadTextOverWords(words.join(' '), 0, seconds);
}

/** Words without any time: every word at 0, for counting fillers and keywords only. */
export function untimedWords(words: readonly string[]): TranscriptWord[] {
  return words.map((text) => ({ text, start: 0, end: 0 }));
}

/** A transcript as read: timed words (JSON, verbose_json, WebVTT), or the words alone (plain text). */
export type ParsedTranscript = { kind: 'timed'; words: TranscriptWord[] } | { kind: 'text'; words: string[] };

/** Timed words for the engine, and how their timings were obtained. */
export function timeTranscript(
  parsed: ParsedTranscript,
  opts: { stretches?: readonly VoicedStretch[] | null; audioSeconds?: number | null; duration?: number | null },
): { words: TranscriptWord[]; timing: TranscriptTiming } {
  if (parsed.kind === 'timed') return { words: parsed.words, timing: 'measured' };
  if (opts.stretches) {
    const placed = spreadOverStretches(parsed.words, opts.stretches);
    // A recording with no voice found in it: the words can only be spread over its whole length.
    return { words: placed.length ? placed : spreadOverLength(parsed.words, opts.audioSeconds ?? 0), timing: 'estimated' };
  }
  if (opts.duration && opts.duration > 0) return { words: spreadOverLength(parsed.words, opts.duration), timing: 'estimated' };
  return { words: untimedWords(parsed.words), timing: 'none' };
}
