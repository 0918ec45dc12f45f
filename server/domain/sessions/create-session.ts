// Records a practice session: checks the module, analyzes the words (and the recording, when there is one) against
// it and stores the scored session. Without words it keeps the recording's own analysis and either transcribes it
// (a speech-to-text service is configured) or says plainly that words need a transcript.
import { analyzeRecording, type DecodedAudio } from '../../analysis';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db } from '../../db';
import { AppError, forbidden, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { enqueue } from '../../jobs/enqueue';
import { attachMedia, discard, saveMedia } from '../../media/save-media';
import { sttSettings } from '../../providers/speech-to-text/stt-settings';
import type { Part } from '../../rest/streamed-body';
import { findModule } from '../products/manage-modules';
import { actingUserId } from '../teams/team-access';
import { readTranscript } from './read-transcript';
import { scorePractice } from './score-practice';
import { publishSessionEvent } from './session-events';
import { decodeRecording, readPendingRecording } from './session-recording';
import { sessionUserSelect, toSessionDto } from './session.dto';
import { createSessionInput, sessionFieldsInput, type SessionDto } from './session.schema';

/** The person a session is recorded for: the signed-in user, or the user an API key acts for, still a member here. */
async function recordingUser(ctx: OrgCtx): Promise<string> {
  const userId = actingUserId(ctx);
  if (!userId) throw forbidden('This API key has no user to record sessions for; create a key as a user');
  if (!(await db.membership.findFirst({ where: { userId, organizationId: ctx.organizationId }, select: { id: true } }))) {
    throw forbidden('The user this API key records for is no longer a member of the organization');
  }
  return userId;
}

export type RecordingInput = {
  ctx: Ctx;
  /** moduleId, opportunity, recordedAt (sessionFieldsInput). */
  fields: unknown;
  /** JSON words, verbose_json or WebVTT; undefined when the recording comes without words. */
  transcript?: unknown;
  /** Where the words came from: given with the upload, or the browser's own speech recognition. */
  transcriptSource?: 'upload' | 'browser';
  /** A finished, not yet attached audio upload of the caller's (WAV). */
  audioUploadId?: string;
  /** Its bytes, when this request just streamed them in (saves reading the upload back from the store). */
  audioBytes?: Uint8Array;
};

export async function recordSession(opts: RecordingInput): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  const userId = await recordingUser(ctx);
  const fields = sessionFieldsInput.parse(opts.fields);
  const module = await findModule(ctx, fields.moduleId);
  const words = opts.transcript === undefined ? null : readTranscript(opts.transcript);
  if (!words && !opts.audioUploadId) throw validationFailed('transcript', 'is required when there is no recording');
  const recording = !opts.audioUploadId ? null : opts.audioBytes ? { audio: decodeRecording(opts.audioBytes) } : await readPendingRecording(opts.audioUploadId, userId);
  const expectations = { keywords: module.keywords, targetTime: module.targetTime };

  // The engine is pure and fast (well under a second for half an hour); it runs before anything is written.
  const scored = words ? scorePractice({ words, audio: recording?.audio ?? null, expectations }) : recordingOnly(recording!.audio);
  const stt = !words && sttSettings() !== null;
  const row = await db.$transaction(async (tx) => {
    if (opts.audioUploadId) await attachMedia(tx, { mediaId: opts.audioUploadId, kind: 'audio', uploadedBy: userId });
    const created = await tx.practiceSession.create({
      data: {
        organizationId: ctx.organizationId,
        userId,
        moduleId: module.id,
        productId: module.productId,
        moduleName: module.name,
        productName: module.product.name,
        expectations,
        opportunity: fields.opportunity ?? null,
        recordedAt: fields.recordedAt ? new Date(fields.recordedAt) : new Date(),
        transcriptStatus: words ? 'ready' : stt ? 'pending' : 'missing',
        transcriptSource: words ? (opts.transcriptSource ?? 'upload') : null,
        audioMediaId: opts.audioUploadId ?? null,
        ...scored,
      },
      include: { user: sessionUserSelect },
    });
    if (stt) await enqueue(tx, 'sessions.transcribe', { sessionId: created.id, organizationId: ctx.organizationId }, { singletonKey: created.id });
    await publishSessionEvent(tx, { organizationId: ctx.organizationId, type: 'session.recorded', sessionId: created.id, userId, status: created.transcriptStatus });
    return created;
  });
  return toSessionDto(row);
}

/** What is stored for a recording without words: its length and voice analysis, and no score (never a silent 0). */
function recordingOnly(audio: DecodedAudio): { analysis: Prisma.InputJsonValue; score: null; duration: number } {
  const analysis = analyzeRecording(audio);
  return { analysis: analysis as unknown as Prisma.InputJsonValue, score: null, duration: analysis.duration };
}

/** POST /sessions with JSON: the words are required. */
export async function createSession(opts: { ctx: Ctx; input: unknown }): Promise<SessionDto> {
  const { transcript, ...fields } = createSessionInput.parse(opts.input);
  return recordSession({ ctx: opts.ctx, fields, transcript });
}

const FORM_FIELDS = new Set(['moduleId', 'opportunity', 'recordedAt', 'transcript', 'transcriptSource']);

/**
 * POST /sessions with multipart/form-data: the fields of a session, `transcript` (JSON or WebVTT text) and/or the
 * `audio` file (WAV, streamed into the media store as it arrives). A refused request keeps nothing: the upload is
 * discarded whatever went wrong after it.
 */
export async function recordSessionFromForm(opts: { ctx: Ctx; parts: AsyncIterable<Part> }): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  const userId = await recordingUser(ctx);
  const fields: Record<string, string> = {};
  let uploadId: string | undefined;
  // The recording is kept as it streams past on its way to the store: the engine needs every sample anyway.
  const received: Uint8Array[] = [];
  const keep = async function* (source: AsyncIterable<Uint8Array>) {
    for await (const piece of source) {
      received.push(piece);
      yield piece;
    }
  };
  try {
    for await (const part of opts.parts) {
      if (part.kind === 'file') {
        if (part.name !== 'audio') throw new AppError('validation_failed', { message: `Unexpected file "${part.name}": send the recording in a part named "audio"`, errors: [{ path: part.name, message: 'unexpected file' }] });
        const saved = await saveMedia({ organizationId: ctx.organizationId, createdById: userId, kind: 'audio', declaredType: part.contentType, body: keep(part.stream) });
        uploadId = saved.id;
      } else if (!FORM_FIELDS.has(part.name)) {
        throw new AppError('validation_failed', { message: `${part.name}: Unknown field`, errors: [{ path: part.name, message: 'Unknown field' }] });
      } else {
        fields[part.name] = part.value;
      }
    }
    const { transcript, transcriptSource, opportunity, ...rest } = fields;
    if (transcriptSource !== undefined && transcriptSource !== 'upload' && transcriptSource !== 'browser') throw validationFailed('transcriptSource', 'must be upload or browser');
    return await recordSession({
      ctx,
      fields: { ...rest, ...(opportunity !== undefined && { opportunity }) },
      transcript: transcript === undefined || transcript.trim() === '' ? undefined : transcript,
      transcriptSource: transcriptSource as 'upload' | 'browser' | undefined,
      audioUploadId: uploadId,
      audioBytes: uploadId ? Buffer.concat(received) : undefined,
    });
  } catch (error) {
    if (uploadId) await discard(uploadId);
    throw error;
  }
}

