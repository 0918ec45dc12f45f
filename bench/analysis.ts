// `npm run bench:analysis`: scoring a 10-minute session (16 kHz audio + 1,500 words) against the least any analysis
// must do — one pass over the samples (RMS) and one over the words — measured in the same run, with the ratio.
import { analyzeSession } from '../server/analysis';

const RATE = 16_000;
const SECONDS = 600;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function speechLikeAudio(): Float32Array {
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

function transcript() {
  const vocabulary = ['our', 'platform', 'um', 'saves', 'your', 'team', 'time', 'so', 'like', 'pricing', 'free', 'trial', 'you', 'know', 'warranty'];
  return Array.from({ length: 1500 }, (_, i) => ({ text: vocabulary[i % vocabulary.length]!, start: i * 0.4, end: i * 0.4 + 0.3, confidence: 0.6 + (i % 5) / 10 }));
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

const samples = speechLikeAudio();
const words = transcript();
const audio = { sampleRate: RATE, channels: 1, samples };
const module = { keywords: ['free trial', 'warranty', 'pricing', 'financing'], targetTime: 540 };

const full = time(() => analyzeSession({ words, audio, module }));
const base = time(() => baseline(samples, words));
console.log(`\nanalyzeSession, ${SECONDS / 60} min of ${RATE / 1000} kHz audio + ${words.length} words, median of ${RUNS} runs\n`);
console.log(`${'work'.padEnd(40)} ${'median ms'.padStart(10)} ${'min ms'.padStart(9)}`);
console.log(`${'analyzeSession (all metrics + pitch)'.padEnd(40)} ${median(full).toFixed(1).padStart(10)} ${Math.min(...full).toFixed(1).padStart(9)}`);
console.log(`${'baseline: one pass over samples + words'.padEnd(40)} ${median(base).toFixed(1).padStart(10)} ${Math.min(...base).toFixed(1).padStart(9)}`);
console.log(`\nratio (analysis / baseline): ${(median(full) / median(base)).toFixed(1)}×; real-time factor ${((median(full) / 1000) / SECONDS).toFixed(4)}`);
