import { describe, expect, it } from 'vitest';
import { CLARITY_ADVICE_SHARE, CLARITY_PENALTY_PER_PERCENT, LOW_CONFIDENCE_THRESHOLD } from './clarity';
import { FILLERS, FILLER_PENALTY_PER_EXTRA_PER_MINUTE, FILLER_RATE_OK_PER_MINUTE } from './fillers';
import { MIN_STEM_LENGTH } from './keyword-stemmer';
import { MAX_MISSED_KEYWORDS_NAMED } from './keywords';
import { DBFS_FLOOR, ENERGY_WINDOW_SECONDS, SILENCE_DBFS } from './loudness';
import { LONG_PAUSE_PENALTY, NO_PAUSE_NUDGE_SECONDS, PAUSE_THRESHOLDS } from './pauses';
import { PITCH_ANALYSIS_MIN_RATE, PITCH_INTEGRATION_SECONDS, PITCH_RANGE, YIN_THRESHOLD } from './pitch-tracker';
import { SCORE_WEIGHTS } from './session-score';
import { PACE_AVERAGE_PENALTY_PER_WPM, PACE_SCORE_BLEND, WPM_BOUNDS, WPM_WINDOW } from './speaking-pace';
import { MIN_SPEAKING_SECONDS } from './speaking-span';
import { TARGET_TIME_TOLERANCE } from './target-time';
import { UTTERANCE_GAP_SECONDS } from './utterance-context';
import { MIN_VOICED_SECONDS, VOICED_GAP_BRIDGE_SECONDS } from './voiced-stretches';
import { NOMINAL_WPM, PLAIN_TEXT_MAX_WORDS } from './plain-transcript';
import { ENERGY_SCORE_BLEND, LOUDNESS_VARIATION_SCORE, PITCH_VARIATION_SCORE, QUIET_RECORDING_DBFS } from './vocal-energy';

/** Reads docs/scoring.md relative to this file; node:fs is loaded dynamically so the library needs no Node types. */
async function readScoringDoc(): Promise<string> {
  // The library compiles against plain ES2022 (no DOM/Node types), so the Node APIs used here are typed locally.
  const fs = (await import('node:' + 'fs')) as { readFileSync(path: object, encoding: 'utf8'): string };
  const { URL } = globalThis as unknown as { URL: new (path: string, base: string) => object };
  const here = (import.meta as unknown as { url: string }).url;
  return fs.readFileSync(new URL('../../docs/scoring.md', here), 'utf8');
}

const groups: Record<string, number | Readonly<Record<string, number>>> = {
  UTTERANCE_GAP_SECONDS,
  FILLER_RATE_OK_PER_MINUTE,
  FILLER_PENALTY_PER_EXTRA_PER_MINUTE,
  WPM_BOUNDS,
  WPM_WINDOW,
  PACE_SCORE_BLEND,
  PACE_AVERAGE_PENALTY_PER_WPM,
  PAUSE_THRESHOLDS,
  LONG_PAUSE_PENALTY,
  NO_PAUSE_NUDGE_SECONDS,
  ENERGY_WINDOW_SECONDS,
  SILENCE_DBFS,
  DBFS_FLOOR,
  PITCH_RANGE,
  YIN_THRESHOLD,
  PITCH_INTEGRATION_SECONDS,
  PITCH_ANALYSIS_MIN_RATE,
  PITCH_VARIATION_SCORE,
  LOUDNESS_VARIATION_SCORE,
  ENERGY_SCORE_BLEND,
  QUIET_RECORDING_DBFS,
  MIN_STEM_LENGTH,
  MAX_MISSED_KEYWORDS_NAMED,
  TARGET_TIME_TOLERANCE,
  LOW_CONFIDENCE_THRESHOLD,
  CLARITY_PENALTY_PER_PERCENT,
  CLARITY_ADVICE_SHARE,
  MIN_SPEAKING_SECONDS,
  SCORE_WEIGHTS,
  VOICED_GAP_BRIDGE_SECONDS,
  MIN_VOICED_SECONDS,
  PLAIN_TEXT_MAX_WORDS,
  NOMINAL_WPM,
};

function expectedRows(): string[] {
  return Object.entries(groups).flatMap(([name, value]) =>
    typeof value === 'number'
      ? [`| ${name} | ${value} |`]
      : Object.entries(value).map(([key, inner]) => `| ${name}.${key} | ${inner} |`),
  );
}

describe('docs/scoring.md', () => {
  it('lists every scoring constant with the value used in code', async () => {
    const doc = await readScoringDoc();
    const tableRows = doc.split('\n').filter((line) => /^\| [A-Z_]+(\.\w+)? \| -?[\d.]+ \|$/.test(line));
    expect(tableRows.sort()).toEqual(expectedRows().sort());
  });

  it('lists every filler and its alternative spellings', async () => {
    const doc = (await readScoringDoc()).toLowerCase();
    for (const definition of FILLERS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| ${definition.filler} |`));
      expect(row, definition.filler).toBeDefined();
      for (const form of definition.forms) expect(row).toContain(form);
      expect(row).toContain(definition.when === 'always' ? 'always' : 'in context');
    }
  });
});
