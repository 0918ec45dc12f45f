// A dealer records their own side of a live call: the switch that tells the customer (live, through the call's
// realtime subject), and the recording itself, which becomes one of the dealer's coaching sessions scored by the
// same engine as practice (no module: delivery alone — fillers, pace, pauses, clarity, voice). Only the call's own
// dealer, only once they took it, once per call; another organization's call is 404 like any other.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, forbidden, validationFailed } from '../../errors';
import type { Part } from '../../media/upload-parts';
import { recordingUser } from '../sessions/create-session';
import { readTranscript, timeWords } from '../sessions/read-transcript';
import { withRecordingForm } from '../sessions/session-form';
import { decodeRecording, readPendingRecording } from '../sessions/session-recording';
import type { SessionDto } from '../sessions/session.schema';
import { storeSession, type SessionSubject } from '../sessions/store-session';
import { partyActor, resolveCallParty } from './call-access';
import { vehicleOf } from './call-dto';
import { publishCallUpdated } from './call-events-realtime';
import { attachCallRecordingInput, callRecordingStateInput } from './call-recording.schema';
import type { CallStatus } from './call.schema';
import { getCall } from './get-call';
import { recordCallEvent } from './record-call-event';

/** Calls a dealer took: active now, or ended after being taken (a missed call never had a dealer). */
const TAKEN: readonly CallStatus[] = ['active', 'completed', 'expired'];

/** The call, if the caller may see it (else 404), is in one of `statuses` (else 409) and is theirs (else 403). */
async function dealerCall(ctx: Ctx, callId: string, statuses: readonly CallStatus[], refusal: string, tx: Tx = db) {
  const party = await resolveCallParty({ ctx, callId }, tx);
  if (!statuses.includes(party.call.status)) throw conflict(refusal);
  if (party.kind !== 'staff' || !party.isDealer) throw forbidden('Only the dealer who took this call can record it');
  return party;
}

const NOT_IN_PROGRESS = 'Recording is only switched during the call: this one is not in progress';

/** PUT /calls/{id}/recording-state: the dealer starts or stops recording; the customer's page shows it at once. */
export async function setCallRecording(opts: { ctx: Ctx; id: string; input: unknown }) {
  await db.$transaction(async (tx) => {
    const party = await dealerCall(opts.ctx, opts.id, TAKEN, NOT_IN_PROGRESS, tx);
    const { recording } = callRecordingStateInput.parse(opts.input);
    // Off is already true of a call that has ended: a recorder that goes away with its call (whichever side ended
    // it, at whatever instant) switches off without first learning who won. Only starting needs the call running.
    if (party.call.status !== 'active') {
      if (recording) throw conflict(NOT_IN_PROGRESS);
      return;
    }
    const now = new Date();
    const changed = await tx.call.updateMany({ where: { id: party.callId, status: 'active', recordingSince: recording ? null : { not: null } }, data: { recordingSince: recording ? now : null } });
    // Already in that state (or the call ended this instant): saying it again changes nothing.
    if (changed.count === 0) return;
    await recordCallEvent(tx, { callId: party.callId, organizationId: party.organizationId, type: recording ? 'recording.started' : 'recording.stopped', ...partyActor(party), at: now });
    await publishCallUpdated(tx, { id: party.callId, organizationId: party.organizationId, status: party.call.status, dealerId: party.call.dealerId });
  });
  return getCall({ ctx: opts.ctx, id: opts.id });
}

/** Everything that must hold before anything is stored: the caller is the call's dealer, took it, and it has no recording yet. */
async function callForSession(ctx: Ctx, callId: string, tx: Tx = db): Promise<{ ctx: OrgCtx; userId: string; subject: SessionSubject }> {
  const org = requirePermission(ctx, 'sessions:write');
  const party = await dealerCall(org, callId, TAKEN, 'A call is recorded once a dealer has taken it: this one has not started', tx);
  const call = await tx.call.findUniqueOrThrow({ where: { id: party.callId }, select: { vin: true, vehicle: true, session: { select: { id: true } } } });
  if (call.session) throw conflict('This call already has its recording');
  const v = vehicleOf(call.vehicle);
  const vehicle = [v.modelYear, v.make, v.model].filter(Boolean).join(' ') || call.vin;
  const userId = await recordingUser(org);
  return { ctx: org, userId, subject: { moduleId: null, productId: null, moduleName: vehicle, productName: 'Live call', expectations: { keywords: [], targetTime: 0 }, callId: party.callId } };
}

async function storeCallSession(opts: { ctx: Ctx; callId: string; words: ReturnType<typeof readTranscript> | null; transcriptSource?: 'upload' | 'browser'; audioUploadId: string; audio: NonNullable<Parameters<typeof storeSession>[0]['audio']> }) {
  const { ctx, userId, subject } = await callForSession(opts.ctx, opts.callId);
  return storeSession({
    ctx,
    userId,
    subject,
    transcript: opts.words ? timeWords(opts.words, { audio: opts.audio }) : null,
    transcriptSource: opts.transcriptSource,
    audioUploadId: opts.audioUploadId,
    audio: opts.audio,
    // Checked again where it is written: two attaches at once, or a call taken over meanwhile, store nothing.
    guard: async (tx) => {
      await callForSession(opts.ctx, opts.callId, tx);
      await recordCallEvent(tx, { callId: opts.callId, organizationId: ctx.organizationId, type: 'recording.saved', actor: 'user', actorId: userId, at: new Date() });
    },
  });
}

/** The browser's path: the WAV was streamed to the media store first; this attaches it by id. */
export async function attachCallRecording(opts: { ctx: Ctx; id: string; input: unknown }): Promise<SessionDto> {
  const { userId } = await callForSession(opts.ctx, opts.id);
  const input = attachCallRecordingInput.parse(opts.input);
  const words = input.transcript === undefined ? null : readTranscript(input.transcript);
  const { audio } = await readPendingRecording(input.audioUploadId, userId);
  return storeCallSession({ ctx: opts.ctx, callId: opts.id, words, transcriptSource: input.transcriptSource, audioUploadId: input.audioUploadId, audio });
}

const FORM_FIELDS = new Set(['transcript', 'transcriptSource']);

/** POST /calls/{id}/recording as multipart: the `audio` WAV (streamed to the store) and optional `transcript`. */
export async function recordCallFromForm(opts: { ctx: Ctx; id: string; parts: AsyncIterable<Part> }): Promise<SessionDto> {
  // Refused before a byte is stored: not the dealer, not taken, already recorded, another organization's call.
  const { ctx, userId } = await callForSession(opts.ctx, opts.id);
  return withRecordingForm({ ctx, userId, parts: opts.parts, fieldNames: FORM_FIELDS }, async ({ fields, uploadId, bytes }) => {
    if (!uploadId || !bytes) throw validationFailed('audio', 'is required: send the recording (WAV) in a part named "audio"');
    const { transcript, transcriptSource } = fields;
    if (transcriptSource !== undefined && transcriptSource !== 'upload' && transcriptSource !== 'browser') throw validationFailed('transcriptSource', 'must be upload or browser');
    const words = transcript === undefined || transcript.trim() === '' ? null : readTranscript(transcript);
    return storeCallSession({ ctx, callId: opts.id, words, transcriptSource, audioUploadId: uploadId, audio: decodeRecording(bytes) });
  });
}
