// The fast pitch tracker must give exactly what the textbook YIN gives: same frames, same periods, bit for bit.
import { describe, expect, it } from 'vitest';
import { ENERGY_WINDOW_SECONDS, SILENCE_DBFS, rmsDbfs } from './loudness';
import { PITCH_ANALYSIS_MIN_RATE, PITCH_INTEGRATION_SECONDS, PITCH_RANGE, trackPitch, YIN_THRESHOLD } from './pitch-tracker';

/** Textbook YIN (full difference function for every lag, then the dip search), as the engine first shipped it. */
function referenceTrack(samples: Float32Array, sampleRate: number, frameCount: number) {
  const factor = Math.max(1, Math.floor(sampleRate / PITCH_ANALYSIS_MIN_RATE));
  const rate = sampleRate / factor;
  let x = samples;
  if (factor > 1) {
    x = new Float32Array(Math.floor(samples.length / factor));
    for (let i = 0; i < x.length; i += 1) {
      let sum = 0;
      for (let k = 0; k < factor; k += 1) sum += samples[i * factor + k] ?? 0;
      x[i] = sum / factor;
    }
  }
  const tauMin = Math.max(2, Math.floor(rate / PITCH_RANGE.maxHz));
  const tauMax = Math.ceil(rate / PITCH_RANGE.minHz);
  const window = Math.round(rate * PITCH_INTEGRATION_SECONDS);
  const span = window + tauMax + 1;
  const d = new Float64Array(tauMax + 2);
  const frames: { t: number; hz: number | null }[] = [];
  for (let i = 0; i < frameCount; i += 1) {
    const t = (i + 0.5) * ENERGY_WINDOW_SECONDS;
    const from = Math.min(Math.max(0, Math.round(t * rate - span / 2)), x.length - span);
    if (from < 0 || rmsDbfs(x, from, from + span) < SILENCE_DBFS) {
      frames.push({ t, hz: null });
      continue;
    }
    for (let tau = 1; tau <= tauMax; tau += 1) {
      let sum = 0;
      for (let j = 0; j < window; j += 1) {
        const delta = (x[from + j] ?? 0) - (x[from + j + tau] ?? 0);
        sum += delta * delta;
      }
      d[tau] = sum;
    }
    let running = 0;
    d[0] = 1;
    for (let tau = 1; tau <= tauMax; tau += 1) {
      running += d[tau]!;
      d[tau] = running > 0 ? (d[tau]! * tau) / running : 1;
    }
    let best = -1;
    for (let tau = tauMin; tau <= tauMax; tau += 1) {
      if (d[tau]! < YIN_THRESHOLD) {
        while (tau + 1 <= tauMax && d[tau + 1]! < d[tau]!) tau += 1;
        best = tau;
        break;
      }
    }
    let period: number | null = best < 0 ? null : best;
    if (best > 1 && best < tauMax) {
      const a = d[best - 1]!;
      const b = d[best]!;
      const c = d[best + 1]!;
      const den = a - 2 * b + c;
      period = den > 0 ? best + (a - c) / (2 * den) : best;
    }
    const hz = period === null ? null : rate / period;
    frames.push({ t, hz: hz !== null && hz >= PITCH_RANGE.minHz && hz <= PITCH_RANGE.maxHz ? hz : null });
  }
  return frames;
}

/** A voice-like signal: gliding pitch with harmonics, syllable-like loudness, gaps and a little noise. */
function voiceLike(sampleRate: number, seconds: number, seed: number): Float32Array {
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5);
  const out = new Float32Array(Math.round(sampleRate * seconds));
  let phase = 0;
  for (let i = 0; i < out.length; i += 1) {
    const t = i / sampleRate;
    const hz = 80 + 300 * (0.5 + 0.5 * Math.sin(t * (0.4 + seed / 7)));
    phase += (2 * Math.PI * hz) / sampleRate;
    const voiced = Math.floor(t * 3 + seed) % 4 !== 0;
    const tone = 0.3 * Math.sin(phase) + 0.12 * Math.sin(2 * phase) + 0.05 * Math.sin(3.1 * phase);
    out[i] = (voiced ? tone * Math.abs(Math.sin(t * 5)) : 0) + noise() * 0.01 * (seed % 3);
  }
  return out;
}

describe('trackPitch equals textbook YIN', () => {
  it.each([
    [8000, 1],
    [11025, 2],
    [16000, 3],
    [22050, 4],
    [44100, 5],
    [48000, 6],
  ])('at %d Hz (signal %d), frame for frame and bit for bit', (rate, seed) => {
    const samples = voiceLike(rate, 12, seed);
    const frameCount = Math.floor(samples.length / Math.round(rate * ENERGY_WINDOW_SECONDS));
    const fast = trackPitch(samples, rate, frameCount);
    expect(fast).toEqual(referenceTrack(samples, rate, frameCount));
    // Enough voiced frames that the comparison means something.
    expect(fast.filter((f) => f.hz !== null).length).toBeGreaterThan(frameCount / 3);
  });
});
