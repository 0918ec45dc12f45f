// Runs the analysis engine over a session's words (and audio, when there is one) and returns what is stored; a
// recording without words is scored on what the audio alone gives.
import { analyzeRecording, analyzeSession, type DecodedAudio, type ModuleExpectations } from '../../analysis';
import type { Prisma } from '../../generated/prisma/client';
import type { TimedTranscript } from './read-transcript';

export type Scored = { analysis: Prisma.InputJsonValue; score: number; duration: number };

export function scorePractice(opts: { transcript: TimedTranscript; audio?: DecodedAudio | null; expectations: ModuleExpectations }): Scored {
  const analysis = analyzeSession({ words: opts.transcript.words, timing: opts.transcript.timing, audio: opts.audio ?? null, module: opts.expectations });
  return { analysis: analysis as unknown as Prisma.InputJsonValue, score: analysis.final, duration: analysis.duration };
}

/** A recording still without its words: pauses, length and energy, scored on those alone (the review says so). */
export function scoreRecording(opts: { audio: DecodedAudio; expectations: ModuleExpectations }): Scored {
  const analysis = analyzeRecording(opts.audio, opts.expectations);
  return { analysis: analysis as unknown as Prisma.InputJsonValue, score: analysis.final, duration: analysis.duration };
}
