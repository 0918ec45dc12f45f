// Runs every metric over one practice session and assembles the scored SessionAnalysis.

import { analyzeClarity, recommendClarity, scoreClarity } from './clarity';
import { analyzeFillers, scoreFillers } from './fillers';
import { analyzeKeywords, scoreKeywords } from './keywords';
import { validateModuleExpectations } from './module-expectations';
import { analyzePauses, scorePauses } from './pauses';
import { roundTime, roundTo } from './rounding';
import { combineScores } from './session-score';
import type { AnalyzeSessionInput, SessionAnalysis, TranscriptWord } from './session-types';
import { analyzePace, scorePace } from './speaking-pace';
import { speakingSpan } from './speaking-span';
import { analyzeTargetTime, scoreTargetTime } from './target-time';
import { validateTranscriptWords } from './transcript-validation';
import { analyzeEnergy, scoreEnergy } from './vocal-energy';
import { NOMINAL_WPM } from './plain-transcript';
import { voicedStretches } from './voiced-stretches';

/** Copies words with rounded timings and a fixed key order so the output JSON is stable. */
function reportWords(words: readonly TranscriptWord[]): TranscriptWord[] {
  return words.map((word) => {
    const out: TranscriptWord = { text: word.text, start: roundTime(word.start), end: roundTime(word.end) };
    if (word.confidence !== undefined) out.confidence = roundTo(word.confidence, 3);
    return out;
  });
}

/**
 * Pure and deterministic: validates the inputs (throwing TranscriptValidationError / ModuleValidationError), then
 * computes each metric. Session `duration` is the later of the last word's end and the audio's length.
 *
 * With estimated timings (plain text spread over the recording) pauses come from the recording's silences, not from
 * the spread words; without any timing (plain text alone) there is no pace, no pauses and no length, and the filler
 * rate assumes NOMINAL_WPM.
 */
export function analyzeSession(input: AnalyzeSessionInput): SessionAnalysis {
  const words = validateTranscriptWords(input.words);
  const module = validateModuleExpectations(input.module);
  const audio = input.audio ?? null;
  const timing = input.timing ?? 'measured';
  const timed = timing !== 'none';

  const span = speakingSpan(words);
  const audioSeconds = audio && audio.sampleRate > 0 ? audio.samples.length / audio.sampleRate : 0;
  const duration = Math.max(timed ? span.end : 0, audioSeconds);
  const speakingMinutes = timed ? span.seconds / 60 : Math.max(1 / 60, words.length / NOMINAL_WPM);

  const fillers = analyzeFillers(words, speakingMinutes);
  const wpm = timed ? analyzePace(words) : null;
  const pauses =
    timing === 'measured'
      ? analyzePauses(words, span.seconds)
      : timing === 'estimated' && audio
        ? analyzePauses(voicedStretches(audio).map((s) => ({ text: '', ...s })), span.seconds)
        : null;
  const energy = audio ? analyzeEnergy(audio) : null;
  const keywords = analyzeKeywords(words, module.keywords);
  const targetTime = duration > 0 ? analyzeTargetTime(module.targetTime, duration) : null;
  const clarity = analyzeClarity(words);

  const keywordScore = scoreKeywords(keywords);
  const targetTimeScore = targetTime ? scoreTargetTime(module.targetTime, duration) : null;
  // Each score component carries the same advice as its metric; clarity (a bare number in the report) gets its own.
  const score = combineScores({
    fillers: { score: scoreFillers(fillers.total, speakingMinutes), recommendation: fillers.recommendation },
    pace: wpm ? { score: scorePace(wpm.average, wpm.ranges), recommendation: wpm.recommendation } : null,
    pauses: pauses ? { score: scorePauses(pauses.longCount), recommendation: pauses.recommendation } : null,
    keywords: keywordScore === null ? null : { score: keywordScore, recommendation: keywords.recommendation },
    targetTime: targetTimeScore === null || !targetTime ? null : { score: targetTimeScore, recommendation: targetTime.recommendation },
    clarity: clarity === null ? null : { score: scoreClarity(clarity), recommendation: recommendClarity(clarity) },
    energy: energy === null ? null : { score: scoreEnergy(energy), recommendation: energy.recommendation },
  });

  return {
    duration: roundTime(duration),
    timing,
    words: reportWords(words),
    fillers,
    wpm,
    pauses,
    energy,
    keywords,
    targetTime,
    clarity,
    score,
    final: score.total,
  };
}
