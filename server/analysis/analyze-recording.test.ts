import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './analyze-recording';
import { analyzeSession } from './analyze-session';

const rate = 16000;
/** Tone for `voiced` seconds, silence for `silent` seconds, repeated. */
function speech(pattern: Array<[voiced: number, silent: number]>) {
  const total = pattern.reduce((s, [v, q]) => s + v + q, 0);
  const samples = new Float32Array(Math.round(total * rate));
  let at = 0;
  for (const [voiced, silent] of pattern) {
    for (let i = 0; i < voiced * rate; i++, at++) samples[at] = 0.3 * Math.sin((2 * Math.PI * (150 + 40 * Math.sin(at / 4000)) * at) / rate) * (0.6 + 0.4 * Math.abs(Math.sin(at / 900)));
    at += Math.round(silent * rate);
  }
  return { sampleRate: rate, channels: 1, samples };
}

describe('analyzeRecording', () => {
  it('gives exactly the duration and energy analyzeSession gives for the same audio', () => {
    const samples = new Float32Array(rate * 3);
    for (let i = 0; i < samples.length; i++) samples[i] = (Math.floor(i / 4000) % 2 ? 0.3 : 0.05) * Math.sin((2 * Math.PI * 160 * i) / rate);
    const audio = { sampleRate: rate, channels: 1, samples };
    const words = [{ text: 'hello', start: 0.2, end: 0.6 }];
    const full = analyzeSession({ words, audio, module: { keywords: [], targetTime: 30 } });
    const alone = analyzeRecording(audio, { keywords: [], targetTime: 30 });
    expect(alone.duration).toBe(full.duration);
    expect(alone.energy).toEqual(full.energy);
  });

  it('scores what the audio alone gives: pauses between voiced stretches, energy and length, nothing word-based', () => {
    // 4 s talk, 3 s silence (a long pause), 4 s talk, 1.2 s silence (a pause), 3 s talk.
    const audio = speech([[4, 3], [4, 1.2], [3, 0]]);
    const r = analyzeRecording(audio, { keywords: ['warranty'], targetTime: 15 });
    expect(r.pauses.items.map((p) => [p.start, p.duration])).toEqual([[4, 3], [11, 1.2]]);
    expect(r.pauses.longCount).toBe(1);
    expect(r.speakingSeconds).toBeCloseTo(11, 1);
    expect(r.targetTime.actual).toBeCloseTo(15.2, 1);
    expect(r.score.components.fillers).toBeNull();
    expect(r.score.components.pace).toBeNull();
    expect(r.score.components.keywords).toBeNull();
    expect(r.score.components.pauses?.score).toBe(85);
    expect(r.score.components.targetTime?.score).toBe(100);
    expect(r.score.components.energy).not.toBeNull();
    // Weights renormalized over the three components that could be measured.
    expect(r.score.weights.pauses + r.score.weights.targetTime + r.score.weights.energy).toBeCloseTo(1, 3);
    expect(r.final).toBe(r.score.total);
  });
});
