// What a recording alone can tell before there are words: its length and the voice's energy and pitch.

import { roundTime } from './rounding';
import type { DecodedAudio, EnergyAnalysis } from './session-types';
import { analyzeEnergy } from './vocal-energy';

export interface RecordingAnalysis {
  duration: number;
  energy: EnergyAnalysis;
}

/** The audio part of analyzeSession, for a session still waiting for its transcript: the same numbers it would give. */
export function analyzeRecording(audio: DecodedAudio): RecordingAnalysis {
  const seconds = audio.sampleRate > 0 ? audio.samples.length / audio.sampleRate : 0;
  return { duration: roundTime(seconds), energy: analyzeEnergy(audio) };
}
