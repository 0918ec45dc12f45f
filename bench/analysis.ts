// `npm run bench:analysis`: scoring a 10-minute session (16 kHz audio + 1,500 words) and a 30-minute one (4,500
// words) against the least any analysis must do — one pass over the samples (RMS) and one over the words — measured
// in the same run, with the ratio. The engine's budget: 30 minutes of 16 kHz audio in under 300 ms.
import { analyzeSession } from '../server/analysis';

const RATE = 16_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_30_MIN_MS = 300;

function speechLikeAudio(SECONDS: number): Float32Array {
  const samples = new Float32Array(RATE * SECONDS);
  let phase = 0;
  for (let i = 0; i < samples.length; i++) {
    const t = i / RATE;
    const voiced = Math.floor(t * 2) % 3 !== 2; // a third of the time silent, like pauses between phrases
    const hz = 140 + 40 * Math.sin(t * 0.7);
    phase += (2 * Math.PI * hz) / RATE;
    samples[i] = voiced ? 0.3 * Math.sin(phase) : 0;
  }
  return samples;
}

function transcript(length: number) {
  const vocabulary = ['our', 'platform', 'um', 'saves', 'your', 'team', 'time', 'so', 'like', 'pricing', 'free', 'trial', 'you', 'know', 'warranty'];
  return Array.from({ length }, (_, i) => ({ text: vocabulary[i % vocabulary.length]!, start: i * 0.4, end: i * 0.4 + 0.3, confidence: 0.6 + (i % 5) / 10 }));
}

function baseline(samples: Float32Array, words: { text: string; end: number }[]) {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  let chars = 0;
  for (const w of words) chars += w.text.toLowerCase().length;
  return Math.sqrt(sum / samples.length) + chars;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown): number[] {
  fn(); // warm-up (JIT)
  return Array.from({ length: RUNS }, () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
}

const module = { keywords: ['free trial', 'warranty', 'pricing', 'financing'], targetTime: 540 };
console.log(`\nanalyzeSession on 16 kHz audio + words (${RUNS} runs each, after a warm-up)\n`);
console.log(`${'work'.padEnd(46)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)} ${'× baseline'.padStart(11)}`);
let thirty = 0;
for (const minutes of [10, 30]) {
  const samples = speechLikeAudio(minutes * 60);
  const words = transcript(minutes * 150);
  const audio = { sampleRate: RATE, channels: 1, samples };
  const full = time(() => analyzeSession({ words, audio, module }));
  const base = time(() => baseline(samples, words));
  const row = (label: string, xs: number[], ratio: string) => console.log(`${label.padEnd(46)} ${median(xs).toFixed(1).padStart(10)} ${Math.min(...xs).toFixed(1).padStart(9)} ${ratio.padStart(11)}`);
  row(`${minutes} min, ${words.length} words: analyzeSession`, full, `${(median(full) / median(base)).toFixed(1)}×`);
  row(`${minutes} min: baseline (one pass, samples + words)`, base, '1.0×');
  if (minutes === 30) thirty = median(full);
}
console.log(`\n30 minutes analyzed in ${thirty.toFixed(0)} ms (budget ${BUDGET_30_MIN_MS} ms: ${thirty < BUDGET_30_MIN_MS ? 'within' : 'OVER'}; on a busy machine compare the ratios, which hold steady)`);
