// Records a practice session: checks the module, analyzes the words (and the recording, when there is one) against
// it and stores the scored session. Without words it keeps the recording's own analysis and either transcribes it
// (a speech-to-text service is configured) or says plainly that words need a transcript.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db } from '../../db';
import { forbidden, validationFailed } from '../../errors';
import type { Part } from '../../media/upload-parts';
import { findModule } from '../products/manage-modules';
import { actingUserId } from '../teams/team-access';
import { durationFromText, readTranscript, timeWords } from './read-transcript';
import { decodeRecording, readPendingRecording } from './session-recording';
import { withRecordingForm } from './session-form';
import { storeSession } from './store-session';
import { createSessionInput, sessionFieldsInput, type SessionDto } from './session.schema';

/** The person a session is recorded for: the signed-in user, or the user an API key acts for, still a member here. */
export async function recordingUser(ctx: OrgCtx): Promise<string> {
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
  /** JSON words, verbose_json, WebVTT or plain text; undefined when the recording comes without words. */
  transcript?: unknown;
  /** Seconds the pitch took, for plain text without a recording (so pace and length can be measured). */
  duration?: number | null;
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
  const parsed = opts.transcript === undefined ? null : readTranscript(opts.transcript);
  if (!parsed && !opts.audioUploadId) throw validationFailed('transcript', 'is required when there is no recording');
  if (!parsed && opts.duration != null) throw validationFailed('duration', 'is only for a plain-text transcript without a recording');
  const recording = !opts.audioUploadId ? null : opts.audioBytes ? { audio: decodeRecording(opts.audioBytes) } : await readPendingRecording(opts.audioUploadId, userId);
  const transcript = parsed ? timeWords(parsed, { audio: recording?.audio ?? null, duration: opts.duration }) : null;
  return storeSession({
    ctx,
    userId,
    subject: { moduleId: module.id, productId: module.productId, moduleName: module.name, productName: module.product.name, expectations: { keywords: module.keywords, targetTime: module.targetTime } },
    opportunity: fields.opportunity ?? null,
    recordedAt: fields.recordedAt ? new Date(fields.recordedAt) : undefined,
    transcript,
    transcriptSource: opts.transcriptSource,
    audioUploadId: opts.audioUploadId,
    audio: recording?.audio ?? null,
  });
}

/** POST /sessions with JSON: the words are required. */
export async function createSession(opts: { ctx: Ctx; input: unknown }): Promise<SessionDto> {
  const { transcript, duration, ...fields } = createSessionInput.parse(opts.input);
  return recordSession({ ctx: opts.ctx, fields, transcript, duration });
}

const FORM_FIELDS = new Set(['moduleId', 'opportunity', 'recordedAt', 'transcript', 'transcriptSource', 'duration']);

/**
 * POST /sessions with multipart/form-data: the fields of a session, `transcript` (JSON, WebVTT or plain text) and/or the
 * `audio` file (WAV, streamed into the media store as it arrives). A refused request keeps nothing: the upload is
 * discarded whatever went wrong after it.
 */
export async function recordSessionFromForm(opts: { ctx: Ctx; parts: AsyncIterable<Part> }): Promise<SessionDto> {
  const ctx = requirePermission(opts.ctx, 'sessions:write');
  const userId = await recordingUser(ctx);
  return withRecordingForm({ ctx, userId, parts: opts.parts, fieldNames: FORM_FIELDS }, async ({ fields, uploadId, bytes }) => {
    const { transcript, transcriptSource, opportunity, duration, ...rest } = fields;
    if (transcriptSource !== undefined && transcriptSource !== 'upload' && transcriptSource !== 'browser') throw validationFailed('transcriptSource', 'must be upload or browser');
    return recordSession({
      ctx,
      fields: { ...rest, ...(opportunity !== undefined && { opportunity }) },
      transcript: transcript === undefined || transcript.trim() === '' ? undefined : transcript,
      duration: duration === undefined || duration.trim() === '' ? undefined : durationFromText(duration),
      transcriptSource: transcriptSource as 'upload' | 'browser' | undefined,
      audioUploadId: uploadId,
      audioBytes: bytes,
    });
  });
}
