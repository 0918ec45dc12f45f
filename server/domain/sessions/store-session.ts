// Stores one scored session — a practice pitch or a recorded live call — in one transaction: the engine runs first
// (pure, well under a second for half an hour), then the recording is attached, the row written, speech-to-text
// queued when there are no words, and open tabs told.
import type { DecodedAudio } from '../../analysis';
import type { OrgCtx } from '../../context';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { enqueue } from '../../jobs/enqueue';
import { attachMedia } from '../../media/save-media';
import { sttSettings } from '../../providers/speech-to-text/stt-settings';
import type { TimedTranscript } from './read-transcript';
import { scorePractice, scoreRecording } from './score-practice';
import { publishSessionEvent } from './session-events';
import { sessionUserSelect, toSessionDto } from './session.dto';
import type { SessionDto } from './session.schema';

/** What a session is scored against and filed under: a module of a product, or a live call (no module). */
export type SessionSubject = {
  moduleId: string | null;
  productId: string | null;
  moduleName: string;
  productName: string;
  expectations: { keywords: string[]; targetTime: number };
  callId?: string;
};

export async function storeSession(opts: {
  ctx: OrgCtx;
  userId: string;
  subject: SessionSubject;
  opportunity?: string | null;
  recordedAt?: Date;
  /** The words with their times; null for a recording without words (scored on its audio alone). */
  transcript: TimedTranscript | null;
  transcriptSource?: 'upload' | 'browser';
  audioUploadId?: string;
  audio: DecodedAudio | null;
  /** Runs first inside the transaction (e.g. re-checks a call), so a refusal there writes nothing. */
  guard?: (tx: Prisma.TransactionClient) => Promise<void>;
}): Promise<SessionDto> {
  const { ctx, userId, subject, transcript } = opts;
  const words = transcript !== null;
  const scored = transcript ? scorePractice({ transcript, audio: opts.audio, expectations: subject.expectations }) : scoreRecording({ audio: opts.audio!, expectations: subject.expectations });
  const stt = !words && sttSettings() !== null;
  const row = await db.$transaction(async (tx) => {
    await opts.guard?.(tx);
    if (opts.audioUploadId) await attachMedia(tx, { mediaId: opts.audioUploadId, kind: 'audio', uploadedBy: userId });
    const created = await tx.practiceSession.create({
      data: {
        organizationId: ctx.organizationId,
        userId,
        moduleId: subject.moduleId,
        productId: subject.productId,
        moduleName: subject.moduleName,
        productName: subject.productName,
        expectations: subject.expectations,
        callId: subject.callId ?? null,
        opportunity: opts.opportunity ?? null,
        recordedAt: opts.recordedAt ?? new Date(),
        transcriptStatus: words ? 'ready' : stt ? 'pending' : 'missing',
        transcriptSource: words ? (opts.transcriptSource ?? 'upload') : null,
        audioMediaId: opts.audioUploadId ?? null,
        ...scored,
      },
      include: { user: sessionUserSelect },
    });
    if (stt) await enqueue(tx, 'sessions.transcribe', { sessionId: created.id, organizationId: ctx.organizationId });
    await publishSessionEvent(tx, { organizationId: ctx.organizationId, type: 'session.recorded', sessionId: created.id, userId, status: created.transcriptStatus });
    return created;
  });
  return toSessionDto(row);
}
