import { describe, expect, it } from 'vitest';
import { semitoneDeviation, trackPitch } from './pitch-tracker';

function sine(hz: number, seconds: number, sampleRate: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/** Linear frequency glide; phase is the integral of frequency so the tone has no clicks. */
function glide(fromHz: number, toHz: number, seconds: number, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i += 1) {
    const t = i / sampleRate;
    const phase = 2 * Math.PI * (fromHz * t + ((toHz - fromHz) * t * t) / (2 * seconds));
    out[i] = 0.5 * Math.sin(phase);
  }
  return out;
}

describe('trackPitch', () => {
  it.each([
    [100, 16000],
    [220, 16000],
    [440, 44100],
    [60, 48000],
    [480, 8000],
  ])('finds a steady %d Hz tone at %d Hz sample rate within 1 %%', (hz, rate) => {
    const frames = trackPitch(sine(hz, 1, rate), rate, 10);
    expect(frames).toHaveLength(10);
    for (const frame of frames) expect(Math.abs((frame.hz ?? 0) - hz) / hz).toBeLessThan(0.01);
  });

  it('follows a 150 → 300 Hz glide with a rising contour', () => {
    const rate = 16000;
    const frames = trackPitch(glide(150, 300, 2, rate), rate, 20);
    const hz = frames.map((frame) => frame.hz);
    expect(hz.every((value) => value !== null)).toBe(true);
    const values = hz as number[];
    for (let i = 1; i < values.length; i += 1) expect(values[i]).toBeGreaterThan((values[i - 1] ?? 0) * 0.99);
    // Frame i is centred at (i + 0.5) × 0.1 s, where the glide is at 150 + 75 × t Hz.
    expect(Math.abs((values[0] ?? 0) - 153.75) / 153.75).toBeLessThan(0.03);
    expect(Math.abs((values.at(-1) ?? 0) - 296.25) / 296.25).toBeLessThan(0.03);
    expect(values[0]).toBeGreaterThan(145);
    expect(values.at(-1)).toBeLessThan(309);
  });

  it('reports silence and white-ish noise as unvoiced', () => {
    expect(trackPitch(new Float32Array(16000), 16000, 10).every((f) => f.hz === null)).toBe(true);
    let seed = 1;
    const noise = new Float32Array(16000).map(() => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    });
    const voiced = trackPitch(noise, 16000, 10).filter((f) => f.hz !== null).length;
    expect(voiced).toBeLessThanOrEqual(1);
  });

  it('marks frames unvoiced when the audio is shorter than one analysis frame', () => {
    expect(trackPitch(sine(200, 0.02, 16000), 16000, 1)).toEqual([{ t: 0.05, hz: null }]);
  });

  // Speed is measured by bench/analysis.ts, not asserted here; this checks long input is tracked whole.
  it('tracks 10 minutes of 16 kHz audio frame by frame', () => {
    const rate = 16000;
    const samples = new Float32Array(rate * 600);
    const tone = sine(180, 1, rate);
    for (let s = 0; s < 600; s += 2) samples.set(tone, s * rate); // speech-like: on one second, off one second
    const frames = trackPitch(samples, rate, 6000);
    expect(frames).toHaveLength(6000);
    expect(frames.filter((f) => f.hz !== null).length).toBeGreaterThan(2800);
  });
});

describe('semitoneDeviation', () => {
  it('is 0 for a steady pitch and 6 semitones for alternating octaves', () => {
    expect(semitoneDeviation([200, 200, 200])).toBe(0);
    expect(semitoneDeviation([100, 200, 100, 200])).toBeCloseTo(6, 10);
    expect(semitoneDeviation([150])).toBe(0);
  });
});
