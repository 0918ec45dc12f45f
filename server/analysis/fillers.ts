// Finds filler words and phrases in a transcript and summarizes them for coaching.

import {
  isFillerIMean,
  isFillerKindOf,
  isFillerLike,
  isFillerRight,
  isFillerSo,
  isFillerYouKnow,
  type FillerContextRule,
} from './filler-context-rules';
import { roundTime, roundTo } from './rounding';
import type { FillerAnalysis, FillerLocation, TranscriptWord } from './session-types';
import { UtteranceContext } from './utterance-context';

export interface FillerDefinition {
  /** Canonical name used in the summary, e.g. "um" or "you know". */
  filler: string;
  /** Spellings that count as this filler; multi-word forms are matched as consecutive words. */
  forms: readonly string[];
  /** 'always' fillers count everywhere; 'in context' ones only where their rule (filler-context-rules) says so. */
  when: 'always' | 'in context';
}

/** The documented filler list (docs/scoring.md). Multi-word entries are tried before single words. */
export const FILLERS: readonly FillerDefinition[] = [
  { filler: 'you know', forms: ['you know', 'y\'know', 'ya know'], when: 'in context' },
  { filler: 'kind of', forms: ['kind of', 'kinda'], when: 'in context' },
  { filler: 'sort of', forms: ['sort of', 'sorta'], when: 'in context' },
  { filler: 'i mean', forms: ['i mean'], when: 'in context' },
  { filler: 'um', forms: ['um', 'umm', 'ummm', 'uhm', 'uhmm'], when: 'always' },
  { filler: 'uh', forms: ['uh', 'uhh', 'uhhh'], when: 'always' },
  { filler: 'er', forms: ['er', 'err', 'erm'], when: 'always' },
  { filler: 'ah', forms: ['ah', 'ahh'], when: 'always' },
  { filler: 'hmm', forms: ['hmm', 'hm', 'hmmm', 'mm', 'mmm'], when: 'always' },
  { filler: 'basically', forms: ['basically'], when: 'always' },
  { filler: 'actually', forms: ['actually'], when: 'always' },
  { filler: 'literally', forms: ['literally'], when: 'always' },
  { filler: 'like', forms: ['like'], when: 'in context' },
  { filler: 'so', forms: ['so'], when: 'in context' },
  { filler: 'right', forms: ['right'], when: 'in context' },
];

/** Filler rate (per minute of speaking) at or below which filler use is considered fine. */
export const FILLER_RATE_OK_PER_MINUTE = 1;
/** Points lost per filler-per-minute above the OK rate. */
export const FILLER_PENALTY_PER_EXTRA_PER_MINUTE = 15;

const CONTEXT_RULES: Record<string, FillerContextRule> = {
  'you know': isFillerYouKnow,
  'kind of': isFillerKindOf,
  'sort of': isFillerKindOf,
  'i mean': isFillerIMean,
  like: isFillerLike,
  so: isFillerSo,
  right: isFillerRight,
};

interface FillerPattern {
  filler: string;
  tokens: string[];
  rule: FillerContextRule | null;
}

// Longest patterns first so "you know" wins over anything that starts with "you".
const PATTERNS: readonly FillerPattern[] = FILLERS.flatMap((definition) =>
  definition.forms.map((form) => ({
    filler: definition.filler,
    tokens: form.split(' '),
    rule: definition.when === 'always' ? null : (CONTEXT_RULES[definition.filler] ?? null),
  })),
).sort((a, b) => b.tokens.length - a.tokens.length);

function matchesAt(context: UtteranceContext, index: number, pattern: FillerPattern): boolean {
  return pattern.tokens.every((token, offset) => context.token(index + offset) === token);
}

/** Scans left to right; a word belongs to at most one filler. */
export function findFillers(words: readonly TranscriptWord[]): FillerLocation[] {
  const context = new UtteranceContext(words);
  const locations: FillerLocation[] = [];
  let index = 0;
  while (index < words.length) {
    const pattern = PATTERNS.find(
      (candidate) => matchesAt(context, index, candidate) && (candidate.rule === null || candidate.rule(context, index)),
    );
    if (pattern) {
      locations.push({ index, start: roundTime(words[index]?.start ?? 0), word: pattern.filler });
      index += pattern.tokens.length;
    } else {
      index += 1;
    }
  }
  return locations;
}

/** 100 at ≤ 1 filler per minute, minus 15 points for each additional filler per minute, floored at 0. */
export function scoreFillers(total: number, speakingMinutes: number): number {
  const rate = total / speakingMinutes;
  return Math.max(0, 100 - FILLER_PENALTY_PER_EXTRA_PER_MINUTE * Math.max(0, rate - FILLER_RATE_OK_PER_MINUTE));
}

function recommend(total: number, rate: number, summary: Record<string, number>): string {
  if (total === 0) return 'No filler words detected. Clean delivery, keep it up.';
  const [topWord, topCount] = Object.entries(summary).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const perMinute = `${roundTo(rate, 1)} per minute`;
  if (rate <= FILLER_RATE_OK_PER_MINUTE) {
    return `Filler use is low (${total}, ${perMinute}). Keep replacing them with short pauses.`;
  }
  // "Most often" only means something when one filler repeats; otherwise name a few of them.
  const which =
    topCount > 1
      ? `most often "${topWord}" (${topCount})`
      : `such as ${Object.keys(summary).slice(0, 3).map((w) => `"${w}"`).join(', ')}`;
  return `You used ${total} filler word${total === 1 ? '' : 's'} (${perMinute}), ${which}. Replace them with a brief silent pause.`;
}

/** Counts fillers; `speakingMinutes` is the first-word-to-last-word span used for the per-minute rate. */
export function analyzeFillers(words: readonly TranscriptWord[], speakingMinutes: number): FillerAnalysis {
  const locations = findFillers(words);
  const counts = new Map<string, number>();
  for (const location of locations) counts.set(location.word, (counts.get(location.word) ?? 0) + 1);
  // Alphabetical keys keep the JSON byte-identical regardless of where fillers occur.
  const summary: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) summary[key] = counts.get(key) ?? 0;
  const rate = locations.length / speakingMinutes;
  return { total: locations.length, summary, locations, recommendation: recommend(locations.length, rate, summary) };
}
