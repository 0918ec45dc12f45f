// Sessions with recordings over REST: multipart with a WAV streamed into the media store, refusals that keep nothing
// (not WAV 415, too large 413, bad words 422, unknown module 404), the recording served with Range to those who may
// see it, and a recording without words: analyzed for its voice and saying plainly it needs a transcript.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, createProductWithModule, createTeam, PITCH, wordsOf, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';
import { makeWav } from '../../test/wav';

function form(fields: Record<string, string>, audio?: { bytes: Uint8Array; type: string; name?: string }) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (audio) f.append(audio.name ?? 'audio', new Blob([audio.bytes as BlobPart], { type: audio.type }), 'recording.wav');
  return f;
}

/** Media and sessions an organization holds, to prove a refused request kept nothing. */
const holdings = async (organizationId: string) => [await db.media.count({ where: { organizationId } }), await db.practiceSession.count({ where: { organizationId } })];

describe('recorded sessions', () => {
  let t: Tenant;
  let moduleId: string;
  let rep: Person, stranger: Person;
  beforeAll(async () => {
    t = await newTenant('rec');
    ({ moduleId } = await createProductWithModule(t.orgHeaders, { targetTime: 15 }));
    const team = await createTeam(t.orgHeaders, 'Recorders', []);
    rep = await addPerson(t, 'rec-rep', { teamId: team.id });
    stranger = await addPerson(t, 'rec-stranger');
    delete process.env.STT_URL;
  });

  it('takes the WAV and the words in one multipart request: the voice is analyzed too, and the recording is served back', async () => {
    const wav = makeWav({ seconds: 12 });
    const res = await api('POST', '/sessions', { headers: rep.headers, body: form({ moduleId, opportunity: 'Dealer demo', transcript: JSON.stringify({ words: wordsOf(PITCH) }) }, { bytes: wav, type: 'audio/wav' }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ audioUrl: `/api/v1/sessions/${res.body.id}/audio`, opportunity: 'Dealer demo', transcript: { status: 'ready', source: 'upload' }, duration: 12 });
    expect(res.body.energy.values.length).toBe(120);
    expect(res.body.energy.pitch.average).toBeGreaterThan(60);
    expect(res.body.score.components.energy).not.toBeNull();

    const whole = await api('GET', `/sessions/${res.body.id}/audio`, { headers: rep.headers });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(whole.headers.get('content-length'))).toBe(wav.length);
    const part = await api('GET', `/sessions/${res.body.id}/audio`, { headers: { ...rep.headers, range: 'bytes=0-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-11/${wav.length}`);
    expect(part.text.slice(0, 4)).toBe('RIFF');
    expect((await api('GET', `/sessions/${res.body.id}/audio`, { headers: { ...rep.headers, range: `bytes=${wav.length + 10}-` } })).status).toBe(416);
    // The same visibility as the session: the owner yes, a stranger not, another organization not.
    expect((await api('GET', `/sessions/${res.body.id}/audio`, { headers: t.orgHeaders })).status).toBe(200);
    expect((await api('GET', `/sessions/${res.body.id}/audio`, { headers: stranger.headers })).status).toBe(404);
    const intruder = await newTenant('rec-intruder');
    expect((await api('GET', `/sessions/${res.body.id}/audio`, { headers: intruder.keyHeaders })).status).toBe(404);

    // Deleting the session deletes its recording.
    const mediaId = (await db.practiceSession.findUniqueOrThrow({ where: { id: res.body.id } })).audioMediaId!;
    expect((await api('DELETE', `/sessions/${res.body.id}`, { headers: rep.headers })).status).toBe(204);
    expect(await db.media.count({ where: { id: mediaId } })).toBe(0);
  });

  it('a recording without words (no speech-to-text) is scored on its pauses, length and energy and says what the words would add; adding them scores the rest with the voice', async () => {
    const res = await api('POST', '/sessions', { headers: rep.headers, body: form({ moduleId }, { bytes: makeWav({ seconds: 6 }), type: 'audio/wav' }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ transcript: { status: 'missing', source: null, timing: null, message: expect.stringMatching(/^Scored on the recording alone.*plain text is fine/) }, words: [], fillers: null, wpm: null, keywords: null, duration: 6 });
    expect(res.body.energy).not.toBeNull();
    // makeWav talks 1.2 s in every 1.5 s: short gaps, no pause of a second or more.
    expect(res.body.pauses).toMatchObject({ items: [], longCount: 0 });
    expect(res.body.targetTime).toMatchObject({ target: 15, actual: 6 });
    expect(res.body.score.components).toMatchObject({ fillers: null, pace: null, keywords: null, clarity: null, pauses: { score: 100 } });
    expect(res.body.score.components.energy).not.toBeNull();
    expect(res.body.final).toBe(res.body.score.total);
    const listed = await api('GET', `/sessions?userId=${rep.userId}`, { headers: rep.headers });
    expect(listed.body.results.find((s: { id: string }) => s.id === res.body.id)).toMatchObject({ score: res.body.final, transcriptStatus: 'missing', hasAudio: true });
    // No speech-to-text here: asking for it is a clear conflict, not a silent no-op.
    expect((await api('POST', `/sessions/${res.body.id}/transcription`, { headers: rep.headers })).status).toBe(409);

    const put = await api('PUT', `/sessions/${res.body.id}/transcript`, { headers: rep.headers, body: 'WEBVTT\n\n00:00.500 --> 00:05.000\nour free trial comes with a full warranty\n', contentType: 'text/vtt' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ transcript: { status: 'ready', message: null }, keywords: { hit: ['free trial', 'warranty'] } });
    expect(put.body.score.components.energy).not.toBeNull();
    expect(put.body.energy.values).toEqual(res.body.energy.values);
    expect(put.body.transcript.timing).toBe('measured');
  });

  it('plain-text words over a recording are spread over its voiced stretches, marked estimated, and pace, fillers and keywords score', async () => {
    const said = 'hello um our free trial comes with a full warranty and uh the service plan covers every visit for three years';
    const res = await api('POST', '/sessions', { headers: rep.headers, body: form({ moduleId, transcript: said }, { bytes: makeWav({ seconds: 9 }), type: 'audio/wav' }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.transcript).toMatchObject({ status: 'ready', timing: 'estimated' });
    expect(res.body.words.map((w: { text: string }) => w.text).join(' ')).toBe(said);
    // Every word sits inside a voiced stretch of makeWav (1.2 s of voice every 1.5 s).
    for (const w of res.body.words as Array<{ start: number; end: number }>) expect(w.start % 1.5).toBeLessThanOrEqual(1.2 + 0.11);
    expect(res.body.fillers.total).toBe(2);
    expect(res.body.keywords.hit).toEqual(['free trial', 'warranty']);
    expect(res.body.wpm.average).toBeGreaterThan(0);
    expect(res.body.score.components.pace).not.toBeNull();

    // The same by PUT on a recording that had none, as text/plain.
    const bare = await api('POST', '/sessions', { headers: rep.headers, body: form({ moduleId }, { bytes: makeWav({ seconds: 9 }), type: 'audio/wav' }) });
    const put = await api('PUT', `/sessions/${bare.body.id}/transcript`, { headers: rep.headers, body: said, contentType: 'text/plain' });
    expect(put.status).toBe(200);
    expect(put.body.transcript).toMatchObject({ status: 'ready', timing: 'estimated' });
    // A recording gives the length: a duration beside it is refused, changing nothing.
    const both = await api('PUT', `/sessions/${bare.body.id}/transcript?duration=30`, { headers: rep.headers, body: said, contentType: 'text/plain' });
    expect(both.status).toBe(422);
    expect(both.body.errors).toEqual([{ path: 'duration', message: expect.stringMatching(/recording gives the length/) }]);
  });

  it('refuses what is not a WAV (415), too large (413), bad words (422) and unknown modules (404), keeping nothing', async () => {
    const before = await holdings(t.organizationId);
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, ...new Array(200).fill(1)]);
    const cases: [FormData, number][] = [
      [form({ moduleId }, { bytes: mp3, type: 'audio/mpeg' }), 415],
      [form({ moduleId }, { bytes: mp3, type: 'audio/wav' }), 415],
      [form({ moduleId, transcript: JSON.stringify({ words: [{ text: 'b', start: 2, end: 3 }, { text: 'a', start: 1, end: 1.5 }] }) }, { bytes: makeWav({ seconds: 2 }), type: 'audio/wav' }), 422],
      [form({ moduleId: '00000000-0000-4000-8000-000000000000' }, { bytes: makeWav({ seconds: 2 }), type: 'audio/wav' }), 404],
      [form({ moduleId, colour: 'red' }, { bytes: makeWav({ seconds: 2 }), type: 'audio/wav' }), 422],
      [form({ moduleId }, { bytes: makeWav({ seconds: 2 }), type: 'audio/wav', name: 'file' }), 422],
      [form({ moduleId }), 422],
    ];
    for (const [body, status] of cases) {
      const res = await api('POST', '/sessions', { headers: rep.headers, body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    }
    // 50 MB is the limit for audio; one byte over is refused while it streams.
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set(makeWav({ seconds: 1 }).subarray(0, 44));
    const tooLarge = await api('POST', '/sessions', { headers: rep.headers, body: form({ moduleId }, { bytes: big, type: 'audio/wav' }) });
    expect(tooLarge.status).toBe(413);
    expect(await holdings(t.organizationId)).toEqual(before);
  });
});
