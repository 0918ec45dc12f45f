// Checks which of the module's keywords the rep actually said.

import { stemPhrase } from './keyword-stemmer';
import type { KeywordAnalysis, TranscriptWord } from './session-types';

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((token, offset) => haystack[i + offset] === token)) return true;
  }
  return false;
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
  return { hit, missed };
}

/** Share of keywords hit × 100; null (dropped from the score) when the module lists no keywords. */
export function scoreKeywords(analysis: KeywordAnalysis): number | null {
  const total = analysis.hit.length + analysis.missed.length;
  return total === 0 ? null : (100 * analysis.hit.length) / total;
}
