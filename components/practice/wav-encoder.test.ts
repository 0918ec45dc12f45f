// The browser's WAV is what the server's decoder reads back: same rate, same length, same samples (to 16-bit).
import { describe, expect, it } from 'vitest';
import { decodeWav } from '@/server/analysis';
import { encodeWav, RECORDING_RATE, resample } from './wav-encoder';

describe('the recorder’s WAV', () => {
  it('encodes 16-bit mono PCM that decodeWav reads back', () => {
    const samples = Float32Array.from({ length: 1600 }, (_, i) => 0.5 * Math.sin(i / 10));
    const audio = decodeWav(encodeWav(samples));
    expect(audio).toMatchObject({ sampleRate: RECORDING_RATE, channels: 1 });
    expect(audio.samples).toHaveLength(1600);
    audio.samples.forEach((v, i) => expect(Math.abs(v - samples[i]!)).toBeLessThan(1 / 16000));
  });

  it('clips instead of wrapping around', () => {
    const audio = decodeWav(encodeWav(Float32Array.from([2, -2, 1, -1])));
    expect([...audio.samples]).toEqual([32767 / 32768, -1, 32767 / 32768, -1]);
  });

  it('resamples 48 kHz blocks to 16 kHz, averaging groups of three, across block boundaries', () => {
    const blocks = [Float32Array.from([1, 1, 1, 0.5]), Float32Array.from([0.5, 0.5, 0, 0, 0])];
    expect([...resample(blocks, 48_000)]).toEqual([1, 0.5, 0]);
    // A 1 s tone stays 1 s long.
    const second = [new Float32Array(48_000).fill(0.25)];
    expect(resample(second, 48_000)).toHaveLength(16_000);
    // Already at 16 kHz: passed through unchanged.
    expect(resample(second, 16_000)).toHaveLength(48_000);
  });
});
