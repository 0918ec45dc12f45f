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
 */
export function analyzeSession(input: AnalyzeSessionInput): SessionAnalysis {
  const words = validateTranscriptWords(input.words);
  const module = validateModuleExpectations(input.module);
  const audio = input.audio ?? null;

  const span = speakingSpan(words);
  const audioSeconds = audio && audio.sampleRate > 0 ? audio.samples.length / audio.sampleRate : 0;
  const duration = Math.max(span.end, audioSeconds);
  const speakingMinutes = span.seconds / 60;

  const fillers = analyzeFillers(words, speakingMinutes);
  const wpm = analyzePace(words);
  const pauses = analyzePauses(words, span.seconds);
  const energy = audio ? analyzeEnergy(audio) : null;
  const keywords = analyzeKeywords(words, module.keywords);
  const targetTime = analyzeTargetTime(module.targetTime, duration);
  const clarity = analyzeClarity(words);

  const keywordScore = scoreKeywords(keywords);
  const targetTimeScore = scoreTargetTime(module.targetTime, duration);
  // Each score component carries the same advice as its metric; clarity (a bare number in the report) gets its own.
  const score = combineScores({
    fillers: { score: scoreFillers(fillers.total, speakingMinutes), recommendation: fillers.recommendation },
    pace: { score: scorePace(wpm.average, wpm.ranges), recommendation: wpm.recommendation },
    pauses: { score: scorePauses(pauses.longCount), recommendation: pauses.recommendation },
    keywords: keywordScore === null ? null : { score: keywordScore, recommendation: keywords.recommendation },
    targetTime: targetTimeScore === null ? null : { score: targetTimeScore, recommendation: targetTime.recommendation },
    clarity: clarity === null ? null : { score: scoreClarity(clarity), recommendation: recommendClarity(clarity) },
    energy: energy === null ? null : { score: scoreEnergy(energy), recommendation: energy.recommendation },
  });

  return {
    duration: roundTime(duration),
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
