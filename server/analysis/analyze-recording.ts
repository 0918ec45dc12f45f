// What a recording alone can tell before there are words: its length, where the voice paused, how long it spoke, and
// the voice's energy and pitch — scored on those alone, so a recording is never left without a score.

import { analyzePauses, scorePauses } from './pauses';
import { roundTime } from './rounding';
import { combineScores } from './session-score';
import type { DecodedAudio, EnergyAnalysis, ModuleExpectations, PauseAnalysis, SessionScore, TargetTimeAnalysis } from './session-types';
import { analyzeTargetTime, scoreTargetTime } from './target-time';
import { analyzeEnergy, scoreEnergy } from './vocal-energy';
import { voicedSeconds, voicedStretches } from './voiced-stretches';

export interface RecordingAnalysis {
  duration: number;
  /** Seconds in which a voice was heard (the voiced stretches together). */
  speakingSeconds: number;
  energy: EnergyAnalysis;
  /** Silences of a second or more between voiced stretches. */
  pauses: PauseAnalysis;
  targetTime: TargetTimeAnalysis;
  /** Pauses, length and energy only: fillers, pace, keywords and clarity need the words. */
  score: SessionScore;
  final: number;
}

/** The audio part of analyzeSession, for a session still waiting for its words: the same energy and length it gives. */
export function analyzeRecording(audio: DecodedAudio, module: ModuleExpectations): RecordingAnalysis {
  const seconds = audio.sampleRate > 0 ? audio.samples.length / audio.sampleRate : 0;
  const stretches = voicedStretches(audio);
  const spanSeconds = stretches.length ? stretches[stretches.length - 1]!.end - stretches[0]!.start : 0;
  const pauses = analyzePauses(stretches.map((s) => ({ text: '', ...s })), spanSeconds);
  const energy = analyzeEnergy(audio);
  const targetTime = analyzeTargetTime(module.targetTime, seconds);
  const targetScore = scoreTargetTime(module.targetTime, seconds);
  const score = combineScores({
    fillers: null,
    pace: null,
    pauses: { score: scorePauses(pauses.longCount), recommendation: pauses.recommendation },
    keywords: null,
    targetTime: targetScore === null ? null : { score: targetScore, recommendation: targetTime.recommendation },
    clarity: null,
    energy: { score: scoreEnergy(energy), recommendation: energy.recommendation },
  });
  return { duration: roundTime(seconds), speakingSeconds: roundTime(voicedSeconds(stretches)), energy, pauses, targetTime, score, final: score.total };
}
