// Maps practice-session rows to their public shapes: the list summary and the full session with its analysis.
import type { RecordingAnalysis, SessionAnalysis } from '../../analysis';
import type { Prisma } from '../../generated/prisma/client';
import { mediaUrl } from '../identity/user.dto';
import { sessionHighlights } from './session-highlights';
import type { SessionDto, SessionSummaryDto } from './session.schema';

export const sessionUserSelect = { select: { id: true, firstName: true, lastName: true, imageId: true } } as const;

/** Columns of a list row: everything but the analysis document, which can run to megabytes. */
export const summarySelect = {
  id: true,
  moduleId: true,
  moduleName: true,
  productId: true,
  productName: true,
  opportunity: true,
  recordedAt: true,
  duration: true,
  score: true,
  transcriptStatus: true,
  audioMediaId: true,
  callId: true,
  user: sessionUserSelect,
} as const satisfies Prisma.PracticeSessionSelect;

export type SummaryRow = Prisma.PracticeSessionGetPayload<{ select: typeof summarySelect }>;
type FullRow = Prisma.PracticeSessionGetPayload<{ include: { user: typeof sessionUserSelect } }>;

export const audioUrlOf = (id: string) => `/api/v1/sessions/${id}/audio`;

export function toSessionSummary(s: SummaryRow): SessionSummaryDto {
  return {
    id: s.id,
    user: { id: s.user.id, firstName: s.user.firstName, lastName: s.user.lastName, image: mediaUrl(s.user.imageId) },
    module: { id: s.moduleId, name: s.moduleName },
    product: { id: s.productId, name: s.productName },
    opportunity: s.opportunity,
    recordedAt: s.recordedAt.toISOString(),
    duration: s.duration,
    score: s.score,
    transcriptStatus: s.transcriptStatus,
    hasAudio: s.audioMediaId !== null,
    callId: s.callId,
  };
}

/** What a session without analyzed words still needs, said plainly (never a silent empty score). */
export function transcriptMessage(status: FullRow['transcriptStatus'], error: string | null): string | null {
  switch (status) {
    case 'ready':
      return null;
    case 'pending':
      return error
        ? `Transcribing the recording: the last try failed (${error}), trying again shortly.`
        : 'The recording is being transcribed. Until the words are in, the score covers pauses, length and vocal energy; fillers, pace and keywords follow.';
    case 'failed':
      return `Speech-to-text failed${error ? ` (${error})` : ''}. The score covers pauses, length and vocal energy for now: retry, or type what was said (plain text is fine) to score fillers, pace and keywords too.`;
    case 'missing':
      return 'Scored on the recording alone: pauses, length and vocal energy. Type or paste what was said (plain text is fine) to score fillers, pace and keywords too.';
  }
}

/**
 * The stored analysis: a full SessionAnalysis once there are words, otherwise what the audio alone gave (stored
 * before audio-only scoring: its length and energy only). Analyses stored before timings were marked are measured.
 */
type StoredAnalysis = SessionAnalysis | RecordingAnalysis | { duration: number; energy: SessionAnalysis['energy'] } | null;

export function toSessionDto(s: FullRow): SessionDto {
  const analysis = s.analysis as StoredAnalysis;
  const full = analysis && 'words' in analysis ? analysis : null;
  const audioOnly = analysis && !full && 'score' in analysis ? analysis : null;
  const summary = toSessionSummary({ ...s, user: s.user });
  const { score: _score, ...rest } = summary;
  const expectations = s.expectations as { keywords: string[]; targetTime: number };
  return {
    ...rest,
    createdAt: s.createdAt.toISOString(),
    audioUrl: s.audioMediaId ? audioUrlOf(s.id) : null,
    transcript: { status: s.transcriptStatus, source: s.transcriptSource, timing: full ? (full.timing ?? 'measured') : null, error: s.transcriptError, message: transcriptMessage(s.transcriptStatus, s.transcriptError) },
    expectations,
    words: full?.words ?? [],
    highlights: full ? sessionHighlights(full, expectations.keywords) : { fillers: [], keywords: [] },
    fillers: full?.fillers ?? null,
    wpm: full?.wpm ?? null,
    pauses: (full ?? audioOnly)?.pauses ?? null,
    energy: analysis?.energy ?? null,
    keywords: full?.keywords ?? null,
    targetTime: (full ?? audioOnly)?.targetTime ?? null,
    clarity: full?.clarity ?? null,
    score: (full ?? audioOnly)?.score ?? null,
    final: (full ?? audioOnly)?.final ?? null,
  };
}
