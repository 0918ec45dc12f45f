// Checks which of the module's keywords the rep actually said.

import { stemPhrase } from './keyword-stemmer';
import type { KeywordAnalysis, TranscriptWord } from './session-types';

/** The recommendation names at most this many missed keywords (in module order), then "and N more". */
export const MAX_MISSED_KEYWORDS_NAMED = 3;

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((token, offset) => haystack[i + offset] === token)) return true;
  }
  return false;
}

/** All hit: praise; some missed: name up to MAX_MISSED_KEYWORDS_NAMED of them; no keywords: a neutral sentence. */
export function recommendKeywords(hit: readonly string[], missed: readonly string[]): string {
  const total = hit.length + missed.length;
  if (total === 0) return 'This module lists no keywords, so none were checked.';
  if (missed.length === 0) {
    return total === 1
      ? 'You used the module keyword. Great message coverage.'
      : `You used all ${total} module keywords. Great message coverage.`;
  }
  const named = missed.slice(0, MAX_MISSED_KEYWORDS_NAMED).join(', ');
  const rest = missed.length - MAX_MISSED_KEYWORDS_NAMED;
  return `You used ${hit.length} of ${total} keywords. Work in: ${named}${rest > 0 ? ` and ${rest} more` : ''}.`;
}

/**
 * A keyword is hit when its stemmed words appear as consecutive stemmed transcript words, case- and
 * punctuation-insensitively ("Free-trials!" hits "free trial"). Keywords keep the module's spelling and order;
 * duplicates (same stems) are reported once.
 */
export function analyzeKeywords(words: readonly TranscriptWord[], keywords: readonly string[]): KeywordAnalysis {
  const spoken = words.flatMap((word) => stemPhrase(word.text));
  const hit: string[] = [];
  const missed: string[] = [];
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const stems = stemPhrase(keyword);
    const key = stems.join(' ');
    if (stems.length === 0 || seen.has(key)) continue;
    seen.add(key);
    (containsSequence(spoken, stems) ? hit : missed).push(keyword);
  }
  return { hit, missed, recommendation: recommendKeywords(hit, missed) };
}

/** Share of keywords hit × 100; null (dropped from the score) when the module lists no keywords. */
export function scoreKeywords(analysis: Pick<KeywordAnalysis, 'hit' | 'missed'>): number | null {
  const total = analysis.hit.length + analysis.missed.length;
  return total === 0 ? null : (100 * analysis.hit.length) / total;
}

export interface KeywordLocation {
  keyword: string;
  /** Index in `words` of the first word of this occurrence. */
  index: number;
  /** How many consecutive words the occurrence spans (a hyphenated word can hold a whole keyword). */
  length: number;
}

/**
 * Every place a keyword was said, matched exactly as analyzeKeywords matches (stemmed, consecutive), for highlighting a
 * transcript. Occurrences are in transcript order; overlapping ones (a keyword inside a longer one) are all listed.
 */
export function keywordLocations(words: readonly TranscriptWord[], keywords: readonly string[]): KeywordLocation[] {
  const tokens: string[] = [];
  const wordOf: number[] = [];
  words.forEach((word, index) => {
    for (const stem of stemPhrase(word.text)) {
      tokens.push(stem);
      wordOf.push(index);
    }
  });
  const found: KeywordLocation[] = [];
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const stems = stemPhrase(keyword);
    const key = stems.join(' ');
    if (stems.length === 0 || seen.has(key)) continue;
    seen.add(key);
    for (let i = 0; i + stems.length <= tokens.length; i += 1) {
      if (stems.every((stem, offset) => tokens[i + offset] === stem)) {
        const first = wordOf[i]!;
        found.push({ keyword, index: first, length: wordOf[i + stems.length - 1]! - first + 1 });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index || b.length - a.length);
}
