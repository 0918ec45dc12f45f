// Recorded calls are scored: the call's own dealer switches recording on (the customer's view says so), then attaches
// the WAV, which becomes their coaching session scored by the same engine, shown on the call and in their sessions.
// Refusals (another dealer, before accept, twice, another organization, not WAV, no audio) store nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { expireCall } from './call-lifecycle';
import { saveMedia } from '../../media/save-media';
import { appRouter } from '../../trpc/root';
import { api } from '../../test/api-client';
import { newDealer, requestCall, type Tenant } from '../../test/call-factories';
import { addPerson, createTeam, PITCH, putOnTeam, wordsOf } from '../../test/coaching';
import { newTenant } from '../../test/factories';
import { makeWav } from '../../test/wav';

function form(fields: Record<string, string>, audio?: { bytes: Uint8Array; type: string }) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (audio) f.append('audio', new Blob([audio.bytes as BlobPart], { type: audio.type }), 'call.wav');
  return f;
}

/** What an organization holds that a refused recording must not add to. */
const holdings = async (organizationId: string) => [await db.media.count({ where: { organizationId, status: { not: 'pending' } } }), await db.practiceSession.count({ where: { organizationId } }), await db.media.count({ where: { organizationId } })];

const caller = (userId: string, organizationId: string) => appRouter.createCaller({ userId, requestedOrganizationId: organizationId, requestId: '00000000-0000-4000-8000-000000000000', ip: null });

describe('recorded calls', () => {
  let t: Tenant;
  let dealer: Awaited<ReturnType<typeof newDealer>>;
  let other: Awaited<ReturnType<typeof newDealer>>;
  beforeAll(async () => {
    delete process.env.STT_URL;
    t = await newTenant('callrec');
    dealer = await newDealer(t, 'member', 'callrec-dealer');
    other = await newDealer(t, 'member', 'callrec-other');
  });

  let previous: string | null = null;
  /** A call the dealer took (their previous one ended first: a dealer is in one call at a time). */
  async function takenCall() {
    if (previous) await api('POST', `/calls/${previous}/stop`, { headers: dealer.headers });
    const call = await requestCall(t);
    previous = call.id;
    expect((await api('POST', `/calls/${call.id}/accept`, { headers: dealer.headers })).status).toBe(200);
    return call;
  }

  it('the dealer records: the customer sees it live, the WAV and words become a scored session shown on the call and in My sessions', async () => {
    const call = await takenCall();
    const on = await api('PUT', `/calls/${call.id}/recording-state`, { headers: dealer.headers, json: { recording: true } });
    expect(on.status).toBe(200);
    expect(on.body.recording).toBe(true);
    // The customer's own view says so, and the change went out on the call's realtime subject.
    expect((await api('GET', `/calls/${call.id}`, { headers: call.customer })).body).toMatchObject({ recording: true, session: null, events: expect.arrayContaining([expect.objectContaining({ type: 'recording.started' })]) });
    const published = await db.realtimeEvent.findFirst({ where: { organizationId: t.organizationId, type: 'call.updated', subject: `call:${call.id}` }, orderBy: { createdAt: 'desc' } });
    expect(published).not.toBeNull();
    // Only the call's dealer switches it.
    expect((await api('PUT', `/calls/${call.id}/recording-state`, { headers: other.headers, json: { recording: false } })).status).toBe(404);
    expect((await api('PUT', `/calls/${call.id}/recording-state`, { headers: t.orgHeaders, json: { recording: false } })).status).toBe(403);
    expect((await api('PUT', `/calls/${call.id}/recording-state`, { headers: dealer.headers, json: { recording: 'yes' } })).status).toBe(422);
    expect((await api('PUT', `/calls/${call.id}/recording-state`, { headers: dealer.headers, json: { recording: false } })).body.recording).toBe(false);

    const res = await api('POST', `/calls/${call.id}/recording`, { headers: dealer.headers, body: form({ transcript: JSON.stringify({ words: wordsOf(PITCH) }) }, { bytes: makeWav({ seconds: 12 }), type: 'audio/wav' }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/sessions/${res.body.id}`);
    expect(res.body).toMatchObject({ callId: call.id, module: { id: null, name: '2018 Toyota Corolla' }, product: { id: null, name: 'Live call' }, transcript: { status: 'ready' }, duration: 12 });
    expect(res.body.final).toEqual(expect.any(Number));
    // Delivery only: no module, so no keyword or target-time part in the score; the voice counts.
    expect(res.body.score.components).toMatchObject({ keywords: null, targetTime: null });
    expect(res.body.score.components.energy).not.toBeNull();

    // The call page (dealer, and a manager who may see the session) shows the score; the customer never does.
    expect((await api('GET', `/calls/${call.id}`, { headers: dealer.headers })).body.session).toEqual({ id: res.body.id, score: res.body.final, transcriptStatus: 'ready' });
    expect((await api('GET', `/calls/${call.id}`, { headers: t.orgHeaders })).body.session).toMatchObject({ id: res.body.id });
    expect((await api('GET', `/calls/${call.id}`, { headers: call.customer })).body.session).toBeNull();
    // The dealer's sessions list it, marked as a call.
    const mine = await api('GET', `/sessions?userId=${dealer.userId}`, { headers: dealer.headers });
    expect(mine.body.results).toEqual([expect.objectContaining({ id: res.body.id, callId: call.id, score: res.body.final })]);
    // Once per call.
    const before = await holdings(t.organizationId);
    const again = await api('POST', `/calls/${call.id}/recording`, { headers: dealer.headers, body: form({}, { bytes: makeWav({ seconds: 2 }), type: 'audio/wav' }) });
    expect(again.status).toBe(409);
    expect(await holdings(t.organizationId)).toEqual(before);
  });

  it('issue 9’s visibility: a member who does not lead the dealer sees the call (calls:read) but not the session', async () => {
    const call = await takenCall();
    const res = await api('POST', `/calls/${call.id}/recording`, { headers: dealer.headers, body: form({}, { bytes: makeWav({ seconds: 4 }), type: 'audio/wav' }) });
    expect(res.status).toBe(201);
    // Without words (and no speech-to-text service) it is scored on the voice alone and says what the words would add.
    expect(res.body).toMatchObject({ transcript: { status: 'missing' }, fillers: null, wpm: null });
    expect(res.body.score.components).toMatchObject({ fillers: null, pace: null, keywords: null, targetTime: null });
    expect(res.body.final).toEqual(expect.any(Number));
    const team = await createTeam(t.orgHeaders, 'Floor', []);
    const manager = await addPerson(t, 'callrec-manager', { role: 'manager', teamId: team.id, teamRole: 'manager' });
    const seen = await api('GET', `/calls/${call.id}`, { headers: manager.headers });
    expect(seen.status).toBe(200);
    expect(seen.body.session).toBeNull();
    expect((await api('GET', `/sessions/${res.body.id}`, { headers: manager.headers })).status).toBe(404);
    // Once the dealer is on the manager's team, the manager sees it.
    await putOnTeam(t, dealer.userId, team.id);
    expect((await api('GET', `/calls/${call.id}`, { headers: manager.headers })).body.session).toMatchObject({ id: res.body.id, score: res.body.final, transcriptStatus: 'missing' });
  });

  it('refuses, storing nothing: not the dealer, before accept, another organization, not WAV, no audio, an API key', async () => {
    const waiting = await requestCall(t);
    const call = await takenCall();
    const wav = { bytes: makeWav({ seconds: 2 }), type: 'audio/wav' };
    const before = await holdings(t.organizationId);
    const intruder = await newTenant('callrec-intruder');
    const cases: Array<[string, Record<string, string>, FormData, number]> = [
      [call.id, other.headers, form({}, wav), 404], // another dealer: the call is not theirs to see once taken
      [call.id, t.orgHeaders, form({}, wav), 403], // the owner sees every call, but did not take this one
      [waiting.id, dealer.headers, form({}, wav), 409], // nobody took it yet
      [call.id, intruder.orgHeaders, form({}, wav), 404],
      [call.id, intruder.keyHeaders, form({}, wav), 404],
      [call.id, t.keyHeaders, form({}, wav), 403],
      ['not-a-uuid', dealer.headers, form({}, wav), 404],
      [call.id, dealer.headers, form({}, { bytes: new TextEncoder().encode('definitely not a wav file'), type: 'audio/wav' }), 415],
      [call.id, dealer.headers, form({}, { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), type: 'image/png' }), 415],
      [call.id, dealer.headers, form({ transcript: 'JUNK' }), 422],
      [call.id, dealer.headers, form({ transcript: '{"words": "nope"}' }, wav), 422],
      [call.id, dealer.headers, form({ moduleId: '3f0c1e9a-6a5b-4c1d-9e8f-0a1b2c3d4e5f' }, wav), 422],
    ];
    for (const [id, headers, body, status] of cases) {
      const res = await api('POST', `/calls/${id}/recording`, { headers, body });
      expect(res.status, `${JSON.stringify(headers).slice(0, 40)} ${id} → ${res.text.slice(0, 200)}`).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await api('POST', `/calls/${call.id}/recording`, { headers: dealer.headers, json: { audioUploadId: 'nope' } })).status).toBe(422);
    expect((await api('POST', `/calls/${call.id}/recording`, { headers: dealer.headers, body: 'RIFF', contentType: 'text/plain' })).status).toBe(415);
    expect(await holdings(t.organizationId)).toEqual(before);
    expect(await db.practiceSession.count({ where: { callId: { in: [call.id, waiting.id] } } })).toBe(0);
    // Recording is switched only during the call.
    expect((await api('PUT', `/calls/${waiting.id}/recording-state`, { headers: dealer.headers, json: { recording: true } })).status).toBe(409);
  });

  it('the browser’s path (tRPC): the uploaded WAV attached by id after the call ended, once, by the dealer only', async () => {
    const call = await takenCall();
    await caller(dealer.userId, t.organizationId).calls.setRecording({ id: call.id, recording: true });
    expect((await api('POST', `/calls/${call.id}/stop`, { headers: call.customer })).status).toBe(200);
    // The call is over: the customer no longer sees "recording", and switching it again is a conflict.
    expect((await api('GET', `/calls/${call.id}`, { headers: call.customer })).body.recording).toBe(false);
    await expect(caller(dealer.userId, t.organizationId).calls.setRecording({ id: call.id, recording: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Switching off is already true of it: answered as it is (a recorder going away with its call says so), no event.
    expect(await caller(dealer.userId, t.organizationId).calls.setRecording({ id: call.id, recording: false })).toMatchObject({ status: 'completed', recording: false });
    const off = await api('PUT', `/calls/${call.id}/recording-state`, { headers: dealer.headers, json: { recording: false } });
    expect(off.status).toBe(200);
    expect(off.body.recording).toBe(false);

    const upload = await saveMedia({ organizationId: t.organizationId, createdById: dealer.userId, kind: 'audio', declaredType: 'audio/wav', body: makeWav({ seconds: 3 }) });
    await expect(caller(other.userId, t.organizationId).calls.attachRecording({ id: call.id, recording: { audioUploadId: upload.id } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const session = await caller(dealer.userId, t.organizationId).calls.attachRecording({
      id: call.id,
      recording: { audioUploadId: upload.id, transcript: 'WEBVTT\n\n00:00.100 --> 00:02.500\nUm hello there, this car has a warranty\n', transcriptSource: 'browser' },
    });
    expect(session).toMatchObject({ callId: call.id, transcript: { status: 'ready', source: 'browser' }, duration: 3 });
    expect(await db.media.findUniqueOrThrow({ where: { id: upload.id } })).toMatchObject({ status: 'ready' });
    await expect(caller(dealer.userId, t.organizationId).calls.attachRecording({ id: call.id, recording: { audioUploadId: upload.id } })).rejects.toMatchObject({ code: 'CONFLICT' });
    const events = await db.callEvent.findMany({ where: { callId: call.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['recording.started', 'completed', 'recording.saved']));
    // The recording stopped with the call, once, by the server; the dealer's late "off" added nothing.
    expect(events.filter((e) => e.type === 'recording.stopped')).toEqual([expect.objectContaining({ actor: 'system', detail: { reason: 'call_ended' } })]);
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { recordingSince: true } })).toEqual({ recordingSince: null });
  });

  it('a call that expires while recording stops recording with it; one that was not recording says nothing of it', async () => {
    const recording = await takenCall();
    await caller(dealer.userId, t.organizationId).calls.setRecording({ id: recording.id, recording: true });
    await expireCall({ callId: recording.id, lastPingAt: null });
    expect(await db.call.findUniqueOrThrow({ where: { id: recording.id }, select: { status: true, recordingSince: true } })).toEqual({ status: 'expired', recordingSince: null });
    const types = async (id: string) => (await db.callEvent.findMany({ where: { callId: id }, select: { type: true, actor: true } })).map((e) => `${e.type}:${e.actor}`);
    expect(await types(recording.id)).toEqual(expect.arrayContaining(['recording.started:user', 'expired:system', 'recording.stopped:system']));

    const quiet = await takenCall();
    expect((await api('POST', `/calls/${quiet.id}/stop`, { headers: dealer.headers })).status).toBe(200);
    expect((await types(quiet.id)).filter((e) => e.startsWith('recording.'))).toEqual([]);
  });
});
