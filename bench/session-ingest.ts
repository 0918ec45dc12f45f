// `npm run bench:ingest`: recording practice sessions through the REST API — a 1,500-word transcript alone, and with
// 10 minutes of 16 kHz audio (multipart, streamed into the media store) — against the analysis alone on the same
// inputs, in the same run, so the cost of everything around the engine (HTTP, auth, parsing, storage, the insert) is
// visible. Needs a production build (npx next build).
import { analyzeSession, decodeWav, parseTranscript } from '../server/analysis';
import { makeWav } from '../server/test/wav';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { startAppServer } from '../e2e/fixtures/app-server';
import { bootstrapTenant } from '../e2e/fixtures/tenant';
import { benchPort } from './ports';

const PORT = benchPort(0);
const RUNS = Number(process.env.BENCH_RUNS ?? 8);

const vocabulary = ['our', 'platform', 'um', 'saves', 'your', 'team', 'time', 'so', 'like', 'pricing', 'free', 'trial', 'you', 'know', 'warranty'];
const words = Array.from({ length: 1500 }, (_, i) => ({ text: vocabulary[i % vocabulary.length]!, start: i * 0.4, end: i * 0.4 + 0.3, confidence: 0.6 + (i % 5) / 10 }));
const transcript = JSON.stringify({ words });
const wav = makeWav({ seconds: 600 });
const module = { keywords: ['free trial', 'warranty', 'pricing', 'financing'], targetTime: 540 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

const databaseUrl = await prepareTestDatabase('pitchcraft_bench');
const app = await startAppServer({ port: PORT, databaseUrl, quiet: true, env: { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '100000000', WORKER: 'off' } });
try {
  const tenant = await bootstrapTenant(app.url, 'ingest');
  const headers = { 'x-api-key': tenant.apiKey };
  const post = async (path: string, body: BodyInit, extra: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/api/v1${path}`, { method: 'POST', headers: { ...headers, ...extra }, body });
    if (res.status !== 201) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const product = await post('/products', JSON.stringify({ name: 'Bench' }), { 'content-type': 'application/json' });
  const made = await post(`/products/${product.id}/modules`, JSON.stringify({ name: 'Pitch', keywords: module.keywords, targetTime: module.targetTime }), { 'content-type': 'application/json' });

  const jsonBody = JSON.stringify({ moduleId: made.id, transcript: { words } });
  const restWords = await timed(RUNS, () => post('/sessions', jsonBody, { 'content-type': 'application/json' }));
  const restAudio = await timed(RUNS, () => {
    const form = new FormData();
    form.append('moduleId', made.id);
    form.append('transcript', transcript);
    form.append('audio', new Blob([wav as BlobPart], { type: 'audio/wav' }), 'pitch.wav');
    return post('/sessions', form);
  });
  const aloneWords = await timed(RUNS, () => analyzeSession({ words: parseTranscript(transcript), module }));
  const aloneAudio = await timed(RUNS, () => analyzeSession({ words: parseTranscript(transcript), audio: decodeWav(wav), module }));

  const row = (label: string, xs: number[], base?: number[]) =>
    console.log(`${label.padEnd(52)} ${median(xs).toFixed(1).padStart(10)} ${(1000 / median(xs)).toFixed(1).padStart(12)} ${(base ? `${(median(xs) / median(base)).toFixed(1)}×` : '1.0×').padStart(9)}`);
  console.log(`\nRecording a session: ${words.length} words, with and without ${wav.length / 1024 / 1024 < 1 ? '' : (wav.length / 1024 / 1024).toFixed(1) + ' MB of '}10 min 16 kHz audio; median of ${RUNS} runs, one at a time\n`);
  console.log(`${'work'.padEnd(52)} ${'ms'.padStart(10)} ${'sessions/s'.padStart(12)} ${'× alone'.padStart(9)}`);
  row('analysis alone: parse + analyzeSession (words)', aloneWords);
  row('REST POST /sessions, JSON words', restWords, aloneWords);
  row('analysis alone: parse + decodeWav + analyzeSession', aloneAudio);
  row('REST POST /sessions, multipart words + WAV', restAudio, aloneAudio);
  console.log(`\naround the engine: ${(median(restWords) - median(aloneWords)).toFixed(0)} ms with words only, ${(median(restAudio) - median(aloneAudio)).toFixed(0)} ms with the recording (upload, store, insert)`);
} finally {
  await app.stop();
  await stopTestDatabase();
}
