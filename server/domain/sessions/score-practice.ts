// Runs the analysis engine over a session's words (and audio, when there is one) and returns what is stored.
import { analyzeSession, type DecodedAudio, type ModuleExpectations, type TranscriptWord } from '../../analysis';
import type { Prisma } from '../../generated/prisma/client';

export type Scored = { analysis: Prisma.InputJsonValue; score: number; duration: number };

export function scorePractice(opts: { words: TranscriptWord[]; audio?: DecodedAudio | null; expectations: ModuleExpectations }): Scored {
  const analysis = analyzeSession({ words: opts.words, audio: opts.audio ?? null, module: opts.expectations });
  return { analysis: analysis as unknown as Prisma.InputJsonValue, score: analysis.final, duration: analysis.duration };
}
