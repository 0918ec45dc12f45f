import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './analyze-recording';
import { analyzeSession } from './analyze-session';

describe('analyzeRecording', () => {
  it('gives exactly the duration and energy analyzeSession gives for the same audio', () => {
    const rate = 16000;
    const samples = new Float32Array(rate * 3);
    for (let i = 0; i < samples.length; i++) samples[i] = (Math.floor(i / 4000) % 2 ? 0.3 : 0.05) * Math.sin((2 * Math.PI * 160 * i) / rate);
    const audio = { sampleRate: rate, channels: 1, samples };
    const words = [{ text: 'hello', start: 0.2, end: 0.6 }];
    const full = analyzeSession({ words, audio, module: { keywords: [], targetTime: 30 } });
    expect(analyzeRecording(audio)).toEqual({ duration: full.duration, energy: full.energy });
  });
});
