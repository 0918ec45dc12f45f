// Estimates the speaking pitch over time with the YIN algorithm, fast enough for long recordings.

import { ENERGY_WINDOW_SECONDS, SILENCE_DBFS, rmsDbfs } from './loudness';

/** Pitch search range in Hz: covers low male to high female/child speaking voices. */
export const PITCH_RANGE = { minHz: 50, maxHz: 500 } as const;
/** YIN aperiodicity threshold: a frame is voiced when its normalized difference dips below 0.15. */
export const YIN_THRESHOLD = 0.15;
/** Length of the YIN integration window in seconds. */
export const PITCH_INTEGRATION_SECONDS = 0.025;
/** Audio is decimated to at least this rate before pitch tracking; plenty for 50–500 Hz and ~6× less work at 48 kHz. */
export const PITCH_ANALYSIS_MIN_RATE = 8000;

/** Box-filter decimation: averaging each group of samples also removes most energy that would alias. */
function decimate(samples: Float32Array, factor: number): Float32Array {
  if (factor === 1) return samples;
  const out = new Float32Array(Math.floor(samples.length / factor));
  for (let i = 0; i < out.length; i += 1) {
    let sum = 0;
    for (let k = 0; k < factor; k += 1) sum += samples[i * factor + k] ?? 0;
    out[i] = sum / factor;
  }
  return out;
}

/** YIN on x[from, from + window + tauMax); returns the period in samples or null when unvoiced. */
function yinPeriod(x: Float32Array, from: number, window: number, tauMin: number, tauMax: number, scratch: Float64Array): number | null {
  for (let tau = 1; tau <= tauMax; tau += 1) {
    let sum = 0;
    for (let j = 0; j < window; j += 1) {
      const delta = (x[from + j] ?? 0) - (x[from + j + tau] ?? 0);
      sum += delta * delta;
    }
    scratch[tau] = sum;
  }
  // Cumulative-mean normalization turns raw differences into a scale-free 0..~1 aperiodicity measure.
  let running = 0;
  scratch[0] = 1;
  for (let tau = 1; tau <= tauMax; tau += 1) {
    running += scratch[tau] ?? 0;
    scratch[tau] = running > 0 ? ((scratch[tau] ?? 0) * tau) / running : 1;
  }
  let best = -1;
  for (let tau = tauMin; tau <= tauMax; tau += 1) {
    if ((scratch[tau] ?? 1) < YIN_THRESHOLD) {
      while (tau + 1 <= tauMax && (scratch[tau + 1] ?? 1) < (scratch[tau] ?? 1)) tau += 1;
      best = tau;
      break;
    }
  }
  if (best < 0) return null;
  if (best <= 1 || best >= tauMax) return best;
  // Parabolic interpolation around the dip gives sub-sample period accuracy.
  const a = scratch[best - 1] ?? 0;
  const b = scratch[best] ?? 0;
  const c = scratch[best + 1] ?? 0;
  const denominator = a - 2 * b + c;
  return denominator > 0 ? best + (a - c) / (2 * denominator) : best;
}

export interface PitchFrame {
  /** Centre of the frame in seconds (same centres as the loudness windows). */
  t: number;
  hz: number | null;
}

/**
 * One pitch estimate per loudness window (every 100 ms), from an analysis frame centred on that window. Frames
 * quieter than the silence level are unvoiced without running YIN, which keeps silence cheap and exactly unvoiced.
 */
export function trackPitch(samples: Float32Array, sampleRate: number, frameCount: number): PitchFrame[] {
  const factor = Math.max(1, Math.floor(sampleRate / PITCH_ANALYSIS_MIN_RATE));
  const rate = sampleRate / factor;
  const x = decimate(samples, factor);
  const tauMin = Math.max(2, Math.floor(rate / PITCH_RANGE.maxHz));
  const tauMax = Math.ceil(rate / PITCH_RANGE.minHz);
  const window = Math.round(rate * PITCH_INTEGRATION_SECONDS);
  const span = window + tauMax + 1;
  const scratch = new Float64Array(tauMax + 2);
  const frames: PitchFrame[] = [];
  for (let i = 0; i < frameCount; i += 1) {
    const t = (i + 0.5) * ENERGY_WINDOW_SECONDS;
    // Centre the frame on the window, sliding it inward at the edges of the recording.
    const from = Math.min(Math.max(0, Math.round(t * rate - span / 2)), x.length - span);
    if (from < 0 || rmsDbfs(x, from, from + span) < SILENCE_DBFS) {
      frames.push({ t, hz: null });
      continue;
    }
    const period = yinPeriod(x, from, window, tauMin, tauMax, scratch);
    const hz = period === null ? null : rate / period;
    frames.push({ t, hz: hz !== null && hz >= PITCH_RANGE.minHz && hz <= PITCH_RANGE.maxHz ? hz : null });
  }
  return frames;
}

/** Pitch spread in semitones (12 per octave), so a 10 Hz swing counts more for a low voice than a high one. */
export function semitoneDeviation(hz: readonly number[]): number {
  if (hz.length < 2) return 0;
  const semitones = hz.map((value) => 12 * Math.log2(value / 100));
  const average = semitones.reduce((sum, value) => sum + value, 0) / semitones.length;
  return Math.sqrt(semitones.reduce((sum, value) => sum + (value - average) ** 2, 0) / semitones.length);
}
