// The sessions.transcribe job: sends a session's recording to the speech-to-text service and scores the words it
// returns. Idempotent: only a session still waiting for its words is touched, with conditional updates.
import { parseTranscript, TranscriptFormatError, TranscriptValidationError, type ModuleExpectations } from '../../analysis';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { conflict } from '../../errors';
import { enqueue } from '../../jobs/enqueue';
import type { JobContext } from '../../jobs/job-context';
import { sttSettings } from '../../providers/speech-to-text/stt-settings';
import { SpeechToTextError, transcribeAudio } from '../../providers/speech-to-text/transcribe-audio';
import { findVisibleSession } from './read-sessions';
import { scorePractice } from './score-practice';
import { auditOthersSession } from './session-audit';
import { publishSessionEvent } from './session-events';
import { readSessionRecording } from './session-recording';
import { sessionUserSelect, toSessionDto } from './session.dto';
import type { SessionDto } from './session.schema';

export async function transcribeSession(sessionId: string, job: JobContext): Promise<void> {
  const session = await db.practiceSession.findUnique({ where: { id: sessionId } });
  if (!session || session.transcriptStatus !== 'pending' || !session.audioMediaId) return;
  const settings = sttSettings();
  if (!settings) return fail(session, 'speech-to-text is not configured on this server', true);

  const { bytes, audio } = await readSessionRecording(session.audioMediaId);
  let raw: unknown;
  try {
    raw = await transcribeAudio({ settings, wav: bytes, signal: job.signal });
  } catch (error) {
    const message = error instanceof SpeechToTextError ? error.message : `speech-to-text failed (${(error as Error).message})`;
    const last = !(error instanceof SpeechToTextError && error.retryable) || job.retryCount >= job.retryLimit;
    await fail(session, message, last);
    // Still pending: the queue tries again with backoff.
    if (!last) throw error;
    return;
  }
  let words;
  try {
    words = parseTranscript(raw);
  } catch (error) {
    if (error instanceof TranscriptValidationError || error instanceof TranscriptFormatError) {
      // Silence, or an answer without timed words: retrying would give the same.
      return fail(session, `the speech-to-text service returned no usable words (${error.message})`, true);
    }
    throw error;
  }
  const scored = scorePractice({ transcript: { words, timing: 'measured' }, audio, expectations: session.expectations as unknown as ModuleExpectations });
  await db.$transaction(async (tx) => {
    const { count } = await tx.practiceSession.updateMany({
      where: { id: session.id, transcriptStatus: 'pending' },
      data: { ...scored, transcriptStatus: 'ready', transcriptSource: 'speech_to_text', transcriptError: null },
    });
    if (count) await publishSessionEvent(tx, { organizationId: session.organizationId, type: 'session.updated', sessionId: session.id, userId: session.userId, status: 'ready' });
  });
}

/** Records why an attempt failed; the last one leaves the session `failed` (it says so and can be retried). */
async function fail(session: { id: string; organizationId: string; userId: string }, message: string, last: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.practiceSession.updateMany({
      where: { id: session.id, transcriptStatus: 'pending' },
      data: { transcriptError: message, ...(last && { transcriptStatus: 'failed' }) },
    });
    if (count) await publishSessionEvent(tx, { organizationId: session.organizationId, type: 'session.updated', sessionId: session.id, userId: session.userId, status: last ? 'failed' : 'pending' });
  });
}

/** Sends a recording to speech-to-text again (after a failure, or one recorded before a service was set up). */
export async function retryTranscription(opts: { ctx: Ctx; id: string }): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  const session = await findVisibleSession(ctx, opts.id);
  if (!session.audioMediaId) throw conflict('This session has no recording to transcribe; add a transcript instead');
  if (!sttSettings()) throw conflict('Speech-to-text is not configured on this server; add a transcript instead');
  if (session.transcriptStatus === 'ready') throw conflict('This session already has its words; replace the transcript to change them');
  if (session.transcriptStatus === 'pending') return toSessionDto(session);
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.practiceSession.updateMany({ where: { id: session.id, transcriptStatus: { in: ['failed', 'missing'] } }, data: { transcriptStatus: 'pending', transcriptError: null } });
    if (count) {
      await auditOthersSession(tx, ctx, session, 'session.transcription_retried');
      await enqueue(tx, 'sessions.transcribe', { sessionId: session.id, organizationId: ctx.organizationId });
      await publishSessionEvent(tx, { organizationId: ctx.organizationId, type: 'session.updated', sessionId: session.id, userId: session.userId, status: 'pending' });
    }
    return tx.practiceSession.findUniqueOrThrow({ where: { id: session.id }, include: { user: sessionUserSelect } });
  });
  return toSessionDto(row);
}
