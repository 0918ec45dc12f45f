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

/**
 * Box-filter decimation of the samples one analysis frame needs, x[from, from + out.length) at the lower rate, into
 * `out`: averaging each group of samples also removes most energy that would alias. Only frames are decimated, never
 * the whole recording, so a long session needs no second copy of its audio (and frames 100 ms apart skip half of it).
 */
function decimateFrame(samples: Float32Array, factor: number, from: number, out: Float32Array): void {
  if (factor === 1) {
    out.set(samples.subarray(from, from + out.length));
    return;
  }
  // Every index read is inside `samples`: the frame lies within floor(samples.length / factor) decimated samples.
  for (let i = 0, base = from * factor; i < out.length; i += 1, base += factor) {
    let sum = 0;
    for (let k = 0; k < factor; k += 1) sum += samples[base + k]!;
    out[i] = sum / factor;
  }
}

/**
 * YIN on x[from, from + window + tauMax); returns the period in samples or null when unvoiced.
 *
 * The difference function is computed lag by lag and stops one lag past the dip YIN picks: the cumulative-mean
 * normalization at lag τ depends only on lags 1..τ, so the lags after the dip cannot change the answer. Voiced speech
 * dips at its period (≈ 40–90 lags at 8 kHz) instead of running to tauMax (160), which is most of the saving on long
 * recordings. Callers guarantee from + window + tauMax < x.length, so reads need no bounds fallbacks.
 */
function yinPeriod(x: Float32Array, from: number, window: number, tauMin: number, tauMax: number, scratch: Float64Array): number | null {
  const end = from + window;
  let running = 0;
  scratch[0] = 1;
  let best = -1;
  // `computed` is the last lag whose normalized difference is in scratch for this frame.
  let computed = 0;
  for (let tau = 1; tau <= tauMax; tau += 1) {
    // Compute lags up to tau + 1 (the dip walk below compares each lag with the next).
    const need = Math.min(tau + 1, tauMax);
    while (computed < need) {
      const lag = computed + 1;
      if (lag + 3 <= tauMax) {
        // Four lags per pass over the window: four independent sums keep the CPU's adders busy (one running sum is
        // bound by the latency of each addition), and each sum still adds its terms in the same order as one at a
        // time would, so every value is bit-for-bit the same.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = from; j < end; j += 1) {
          const v = x[j]!;
          const d0 = v - x[j + lag]!;
          const d1 = v - x[j + lag + 1]!;
          const d2 = v - x[j + lag + 2]!;
          const d3 = v - x[j + lag + 3]!;
          s0 += d0 * d0;
          s1 += d1 * d1;
          s2 += d2 * d2;
          s3 += d3 * d3;
        }
        running += s0;
        scratch[lag] = running > 0 ? (s0 * lag) / running : 1;
        running += s1;
        scratch[lag + 1] = running > 0 ? (s1 * (lag + 1)) / running : 1;
        running += s2;
        scratch[lag + 2] = running > 0 ? (s2 * (lag + 2)) / running : 1;
        running += s3;
        scratch[lag + 3] = running > 0 ? (s3 * (lag + 3)) / running : 1;
        computed = lag + 3;
      } else {
        let sum = 0;
        for (let j = from; j < end; j += 1) {
          const delta = x[j]! - x[j + lag]!;
          sum += delta * delta;
        }
        running += sum;
        scratch[lag] = running > 0 ? (sum * lag) / running : 1;
        computed = lag;
      }
    }
    if (tau >= tauMin && scratch[tau]! < YIN_THRESHOLD) {
      if (tau + 1 <= tauMax && scratch[tau + 1]! < scratch[tau]!) continue;
      best = tau;
      break;
    }
  }
  if (best < 0) return null;
  if (best <= 1 || best >= tauMax) return best;
  // Parabolic interpolation around the dip gives sub-sample period accuracy (scratch[best + 1] was computed above).
  const a = scratch[best - 1]!;
  const b = scratch[best]!;
  const c = scratch[best + 1]!;
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
  const length = Math.floor(samples.length / factor);
  const tauMin = Math.max(2, Math.floor(rate / PITCH_RANGE.maxHz));
  const tauMax = Math.ceil(rate / PITCH_RANGE.minHz);
  const window = Math.round(rate * PITCH_INTEGRATION_SECONDS);
  const span = window + tauMax + 1;
  const scratch = new Float64Array(tauMax + 2);
  const x = new Float32Array(Math.max(0, span));
  const frames: PitchFrame[] = [];
  for (let i = 0; i < frameCount; i += 1) {
    const t = (i + 0.5) * ENERGY_WINDOW_SECONDS;
    // Centre the frame on the window, sliding it inward at the edges of the recording.
    const from = Math.min(Math.max(0, Math.round(t * rate - span / 2)), length - span);
    if (from < 0) {
      frames.push({ t, hz: null });
      continue;
    }
    decimateFrame(samples, factor, from, x);
    if (rmsDbfs(x, 0, span) < SILENCE_DBFS) {
      frames.push({ t, hz: null });
      continue;
    }
    const period = yinPeriod(x, 0, window, tauMin, tauMax, scratch);
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
