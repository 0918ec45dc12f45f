// Summarizes how lively the voice sounds: loudness over time, its variation, and pitch movement.

import { DBFS_FLOOR, ENERGY_WINDOW_SECONDS, SILENCE_DBFS, loudnessLevels, mean, standardDeviation } from './loudness';
import { semitoneDeviation, trackPitch } from './pitch-tracker';
import { clamp, roundTime, roundValue } from './rounding';
import type { DecodedAudio, EnergyAnalysis } from './session-types';

/** Pitch variation (semitones) at or below `flat` scores 0, at or above `lively` scores 100, linear between. */
export const PITCH_VARIATION_SCORE = { flat: 1, lively: 3 } as const;
/** Loudness variation (dB) at or below `flat` scores 0, at or above `lively` scores 100, linear between. */
export const LOUDNESS_VARIATION_SCORE = { flat: 2, lively: 6 } as const;
/** Energy score blend: pitch movement matters more than loudness movement for sounding engaged. */
export const ENERGY_SCORE_BLEND = { pitch: 0.6, loudness: 0.4 } as const;
/** Speech averaging below −40 dBFS suggests the microphone was too far away or too quiet. */
export const QUIET_RECORDING_DBFS = -40;

function ramp(value: number, low: number, high: number): number {
  return clamp((100 * (value - low)) / (high - low), 0, 100);
}

/** 60 % pitch-variation ramp (1→3 semitones) + 40 % loudness-variation ramp (2→6 dB). */
export function scoreEnergy(energy: EnergyAnalysis): number {
  const pitch = energy.pitch.average === null ? 0 : ramp(energy.pitch.variation, PITCH_VARIATION_SCORE.flat, PITCH_VARIATION_SCORE.lively);
  const loudness = ramp(energy.vocalVariation, LOUDNESS_VARIATION_SCORE.flat, LOUDNESS_VARIATION_SCORE.lively);
  return ENERGY_SCORE_BLEND.pitch * pitch + ENERGY_SCORE_BLEND.loudness * loudness;
}

function recommend(spoken: number, average: number, pitchVariation: number, voiced: number, loudnessVariation: number): string {
  if (spoken === 0 || voiced === 0) return 'No voice detected in the audio. Check the microphone and record again.';
  if (average < QUIET_RECORDING_DBFS) return 'The recording is very quiet. Move closer to the microphone or speak up.';
  if (pitchVariation < PITCH_VARIATION_SCORE.flat) return 'Your delivery sounds monotone. Let your pitch rise and fall to stress key benefits.';
  if (pitchVariation < PITCH_VARIATION_SCORE.lively || loudnessVariation < LOUDNESS_VARIATION_SCORE.lively) {
    return 'Some vocal variety. Push it further: lift your voice on key numbers and slow down on the close.';
  }
  return 'Lively, varied delivery. Keep it up.';
}

/**
 * Loudness per 100 ms window (dBFS); `average` and `vocalVariation` (standard deviation) use only windows louder
 * than −50 dBFS so silences do not count as "variation". With no such window both are reported as −100 / 0.
 */
export function analyzeEnergy(audio: DecodedAudio): EnergyAnalysis {
  const levels = loudnessLevels(audio.samples, audio.sampleRate);
  const spoken = levels.filter((level) => level > SILENCE_DBFS);
  const average = spoken.length > 0 ? mean(spoken) : DBFS_FLOOR;
  const vocalVariation = standardDeviation(spoken);

  const frames = trackPitch(audio.samples, audio.sampleRate, levels.length);
  const voiced = frames.flatMap((frame) => (frame.hz === null ? [] : [frame.hz]));
  const pitchVariation = semitoneDeviation(voiced);
  return {
    values: levels.map(roundValue),
    windowSeconds: ENERGY_WINDOW_SECONDS,
    average: roundValue(average),
    vocalVariation: roundValue(vocalVariation),
    pitch: {
      contour: frames.map((frame) => ({ t: roundTime(frame.t), hz: frame.hz === null ? null : roundValue(frame.hz) })),
      average: voiced.length > 0 ? roundValue(mean(voiced)) : null,
      variation: roundValue(pitchVariation),
      voicedShare: frames.length > 0 ? roundValue(voiced.length / frames.length) : 0,
    },
    recommendation: recommend(spoken.length, average, pitchVariation, voiced.length, vocalVariation),
  };
}
