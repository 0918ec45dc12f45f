import { describe, expect, it } from 'vitest';
import type { DecodedAudio } from './session-types';
import { analyzeEnergy, scoreEnergy } from './vocal-energy';
import { decodeWav } from './wav-decoder';

/** Minimal mono float32 WAV encoder so these tests exercise the real decode path. */
function encodeFloatWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 4);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 3, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 4, true);
  view.setUint16(32, 4, true);
  view.setUint16(34, 32, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 4, true);
  samples.forEach((v, i) => view.setFloat32(44 + i * 4, v, true));
  return bytes;
}

/** 440 Hz tone, one second per amplitude step. */
function steppedTone(amplitudes: number[], sampleRate: number): Float32Array {
  const out = new Float32Array(amplitudes.length * sampleRate);
  for (let i = 0; i < out.length; i += 1) {
    out[i] = (amplitudes[Math.floor(i / sampleRate)] ?? 0) * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  }
  return out;
}

const rate = 16000;

describe('analyzeEnergy', () => {
  it('reports the dBFS of each loudness step within 0.1 dB', () => {
    const audio = decodeWav(encodeFloatWav(steppedTone([1, 0.5, 0.1], rate), rate));
    const energy = analyzeEnergy(audio);
    expect(energy.windowSeconds).toBe(0.1);
    expect(energy.values).toHaveLength(30);
    energy.values.slice(0, 10).forEach((v) => expect(Math.abs(v - -3.01)).toBeLessThanOrEqual(0.1));
    energy.values.slice(10, 20).forEach((v) => expect(Math.abs(v - -9.03)).toBeLessThanOrEqual(0.1));
    energy.values.slice(20, 30).forEach((v) => expect(Math.abs(v - -23.01)).toBeLessThanOrEqual(0.1));
    expect(energy.average).toBeCloseTo((-3.01 - 9.03 - 23.01) / 3, 1);
    // Three equal groups at −3.01, −9.03, −23.01 dBFS have a population std dev of 8.38 dB.
    expect(energy.vocalVariation).toBeCloseTo(8.38, 1);
    expect(energy.pitch.average).toBeCloseTo(440, -1);
    expect(energy.pitch.voicedShare).toBe(1);
    expect(energy.pitch.variation).toBeLessThan(0.1);
  });

  it('gives silence no voiced frames and a voicedShare of 0', () => {
    const energy = analyzeEnergy({ sampleRate: rate, channels: 1, samples: new Float32Array(rate * 2) });
    expect(energy.values.every((v) => v === -100)).toBe(true);
    expect(energy.average).toBe(-100);
    expect(energy.vocalVariation).toBe(0);
    expect(energy.pitch.voicedShare).toBe(0);
    expect(energy.pitch.average).toBeNull();
    expect(energy.pitch.contour.every((p) => p.hz === null)).toBe(true);
    expect(energy.pitch.contour[0]).toEqual({ t: 0.05, hz: null });
    expect(energy.recommendation).toMatch(/No voice/);
    expect(scoreEnergy(energy)).toBe(0);
  });

  it('scores a monotone steady tone low and a varied voice high', () => {
    const monotone = analyzeEnergy({ sampleRate: rate, channels: 1, samples: steppedTone([0.5, 0.5], rate) });
    expect(scoreEnergy(monotone)).toBe(0);
    expect(monotone.recommendation).toMatch(/monotone/);

    // Alternate 120 Hz / 240 Hz every 0.5 s with loudness swings: 6 semitones of pitch spread.
    const samples = new Float32Array(rate * 4);
    for (let i = 0; i < samples.length; i += 1) {
      const half = Math.floor(i / (rate / 2));
      const hz = half % 2 === 0 ? 120 : 240;
      const amplitude = half % 2 === 0 ? 0.8 : 0.1;
      samples[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
    }
    const lively = analyzeEnergy({ sampleRate: rate, channels: 1, samples });
    expect(lively.pitch.variation).toBeGreaterThan(5);
    expect(scoreEnergy(lively)).toBe(100);
  });

  it('returns a JSON-safe object with rounded numbers', () => {
    const audio: DecodedAudio = { sampleRate: rate, channels: 1, samples: steppedTone([0.3], rate) };
    const json = JSON.stringify(analyzeEnergy(audio));
    expect(json).not.toMatch(/\d\.\d{3,}/);
    expect(JSON.parse(json)).toEqual(analyzeEnergy(audio));
  });
});
