// Speech to text as a job, against a local server speaking the OpenAI-compatible /v1/audio/transcriptions protocol:
// what is sent (multipart, verbose_json, word timestamps, a prompt that keeps "um"), the words scored with the
// recording, and failures (500, timeout, refusal, silence) that leave the session saying so and retryable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import type { JobContext } from '../../jobs/job-context';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { addPerson, createProductWithModule, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';
import { SttServer } from '../../test/stt-server';
import { makeWav } from '../../test/wav';
import { transcribeSession } from './transcribe-session';
import { until } from '../../test/until';

const WORDS = 'Hi um thanks for your time our free trial uh comes with a full warranty'.split(' ').map((word, i) => ({ word: ` ${word}`, start: 0.3 + i * 0.4, end: 0.6 + i * 0.4 }));

const lastAttempt: JobContext = { id: 'test', retryCount: 2, retryLimit: 2, signal: new AbortController().signal };
const firstAttempt: JobContext = { ...lastAttempt, retryCount: 0 };

describe('speech to text', () => {
  const stt = new SttServer();
  let worker: WorkerHandle;
  let t: Tenant;
  let rep: Person;
  let moduleId: string;

  const recordWithoutWords = async () => {
    const body = new FormData();
    body.append('moduleId', moduleId);
    body.append('audio', new Blob([makeWav({ seconds: 6 }) as BlobPart], { type: 'audio/wav' }), 'pitch.wav');
    const res = await api('POST', '/sessions', { headers: rep.headers, body });
    expect(res.status).toBe(201);
    return res.body as { id: string; transcript: { status: string } };
  };
  const session = (id: string) => api('GET', `/sessions/${id}`, { headers: rep.headers }).then((r) => r.body);

  beforeAll(async () => {
    await stt.start();
    process.env.STT_URL = stt.url;
    process.env.STT_API_KEY = 'sk-test-123';
    process.env.STT_MODEL = 'whisper-large-v3';
    t = await newTenant('stt');
    rep = await addPerson(t, 'stt-rep');
    ({ moduleId } = await createProductWithModule(t.orgHeaders, { keywords: ['free trial', 'warranty'], targetTime: 10 }));
    stt.words = WORDS;
  });
  afterAll(async () => {
    await worker?.stop();
    for (const k of ['STT_URL', 'STT_API_KEY', 'STT_MODEL', 'STT_TIMEOUT_SECONDS']) delete process.env[k];
    await stt.stop();
  });

  it('a recording without words is transcribed by the job and scored with its voice', async () => {
    const created = await recordWithoutWords();
    expect(created.transcript.status).toBe('pending');
    worker = await startWorker({ queues: ['sessions.transcribe'] });
    const done = await until(() => session(created.id), (s) => s.transcript.status === 'ready');
    expect(done).toMatchObject({ transcript: { status: 'ready', source: 'speech_to_text', error: null, message: null }, fillers: { summary: { um: 1, uh: 1 } }, keywords: { hit: ['free trial', 'warranty'] } });
    expect(done.words.map((w: { text: string }) => w.text).join(' ')).toBe(WORDS.map((w) => w.word.trim()).join(' '));
    expect(done.score.components.energy).not.toBeNull();
    expect(done.final).toBeGreaterThan(0);

    // What went over the wire is the OpenAI-compatible protocol.
    const sent = stt.requests.at(-1)!;
    expect(sent.authorization).toBe('Bearer sk-test-123');
    expect(sent.fields).toMatchObject({ model: ['whisper-large-v3'], response_format: ['verbose_json'], 'timestamp_granularities[]': ['word', 'segment'] });
    expect(sent.fields.prompt![0]).toMatch(/Umm.*uh/);
    expect(sent.file!.contentType).toBe('audio/wav');
    expect(sent.file!.bytes.subarray(0, 4).toString()).toBe('RIFF');
    // The dashboard hears about it.
    expect(await db.realtimeEvent.count({ where: { organizationId: t.organizationId, type: 'session.updated', payload: { path: ['sessionId'], equals: created.id } } })).toBe(1);
  });

  it('a 500 on the last attempt leaves the session failed, saying why; a retry then succeeds', async () => {
    await worker.stop();
    stt.mode = 'error500';
    const created = await recordWithoutWords();
    // An early attempt keeps the session pending (the queue retries) and notes the error.
    await expect(transcribeSession(created.id, firstAttempt)).rejects.toThrow(/answered 500/);
    expect((await session(created.id)).transcript).toMatchObject({ status: 'pending', error: expect.stringMatching(/answered 500: The server had an error/), message: expect.stringMatching(/trying again/) });
    await transcribeSession(created.id, lastAttempt);
    const failed = await session(created.id);
    expect(failed).toMatchObject({ transcript: { status: 'failed', error: expect.stringMatching(/answered 500/), message: expect.stringMatching(/^Speech-to-text failed/) }, fillers: null, wpm: null });
    // Still scored on what the voice gave.
    expect(failed.score.components).toMatchObject({ fillers: null, pace: null, keywords: null });
    expect(failed.final).toBe(failed.score.total);
    expect(failed.energy).not.toBeNull();

    stt.mode = 'ok';
    worker = await startWorker({ queues: ['sessions.transcribe'] });
    const retried = await api('POST', `/sessions/${created.id}/transcription`, { headers: rep.headers });
    expect(retried.status).toBe(202);
    expect(retried.body.transcript.status).toBe('pending');
    const done = await until(() => session(created.id), (s) => s.transcript.status === 'ready');
    expect(done.transcript).toMatchObject({ source: 'speech_to_text', error: null });
    // Only those who may see the session can retry it.
    const stranger = await addPerson(t, 'stt-stranger');
    expect((await api('POST', `/sessions/${created.id}/transcription`, { headers: stranger.headers })).status).toBe(404);
    expect((await api('POST', `/sessions/${created.id}/transcription`, { headers: rep.headers })).status).toBe(409);
  });

  it('a service that does not answer in time fails the attempt as a timeout', async () => {
    await worker.stop();
    stt.mode = 'hang';
    process.env.STT_TIMEOUT_SECONDS = '1';
    const created = await recordWithoutWords();
    await transcribeSession(created.id, lastAttempt);
    expect((await session(created.id)).transcript).toMatchObject({ status: 'failed', error: 'the speech-to-text service did not answer within 1 s' });
    delete process.env.STT_TIMEOUT_SECONDS;
  });

  it('a refusal (400) or silence fails at once: retrying the same recording would not help', async () => {
    stt.mode = 'refuse400';
    const refused = await recordWithoutWords();
    await transcribeSession(refused.id, firstAttempt);
    expect((await session(refused.id)).transcript).toMatchObject({ status: 'failed', error: 'the speech-to-text service answered 400: Invalid file format.' });
    stt.mode = 'silence';
    const silent = await recordWithoutWords();
    await transcribeSession(silent.id, firstAttempt);
    expect((await session(silent.id)).transcript).toMatchObject({ status: 'failed', error: expect.stringMatching(/no usable words/) });
    // Running the job again changes nothing (it only touches a pending session).
    await transcribeSession(silent.id, lastAttempt);
    expect((await session(silent.id)).transcript.status).toBe('failed');
    stt.mode = 'ok';
  });
});
