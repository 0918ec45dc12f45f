// Finds the stretches of a recording where someone is speaking: runs of loudness windows above silence, with the
// short dips between syllables bridged. Pauses, speaking time and plain-text word timings are read from them.

import { ENERGY_WINDOW_SECONDS, SILENCE_DBFS, loudnessLevels } from './loudness';
import { roundTime } from './rounding';
import type { DecodedAudio } from './session-types';

/** A quieter gap shorter than this (seconds) sits between syllables or words of one phrase, not between phrases. */
export const VOICED_GAP_BRIDGE_SECONDS = 0.3;
/** A sound shorter than this (seconds) is a click or a breath, not speech. */
export const MIN_VOICED_SECONDS = 0.2;

export interface VoicedStretch {
  start: number;
  end: number;
}

/** The voiced stretches of a recording, in order, in seconds (millisecond-rounded). */
export function voicedStretches(audio: DecodedAudio): VoicedStretch[] {
  const levels = loudnessLevels(audio.samples, audio.sampleRate);
  const window = audio.sampleRate > 0 ? Math.max(1, Math.round(audio.sampleRate * ENERGY_WINDOW_SECONDS)) / audio.sampleRate : ENERGY_WINDOW_SECONDS;
  const runs: VoicedStretch[] = [];
  let runStart: number | null = null;
  levels.forEach((level, i) => {
    if (level > SILENCE_DBFS) {
      if (runStart === null) runStart = i;
    } else if (runStart !== null) {
      runs.push({ start: runStart * window, end: i * window });
      runStart = null;
    }
  });
  if (runStart !== null) runs.push({ start: runStart * window, end: levels.length * window });

  const merged: VoicedStretch[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.start - last.end < VOICED_GAP_BRIDGE_SECONDS - 1e-9) last.end = run.end;
    else merged.push({ ...run });
  }
  return merged.filter((s) => s.end - s.start >= MIN_VOICED_SECONDS - 1e-9).map((s) => ({ start: roundTime(s.start), end: roundTime(s.end) }));
}

/** Seconds of speech: the stretches' total length. */
export const voicedSeconds = (stretches: readonly VoicedStretch[]) => stretches.reduce((sum, s) => sum + (s.end - s.start), 0);
