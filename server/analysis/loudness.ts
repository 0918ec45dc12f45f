// Measures loudness as RMS level in dBFS over short fixed windows of the recording.

/** Loudness window length in seconds (100 ms, about one syllable's worth of sound). */
export const ENERGY_WINDOW_SECONDS = 0.1;
/** Windows quieter than −50 dBFS are treated as silence (room noise, breaths between phrases). */
export const SILENCE_DBFS = -50;
/** Digital silence would be −∞ dB; we report it as −100 dBFS so the JSON stays finite. */
export const DBFS_FLOOR = -100;

/** RMS of samples[from, to) in dBFS, where a full-scale square wave is 0 dBFS and a full-scale sine −3.01 dBFS. */
export function rmsDbfs(samples: Float32Array, from: number, to: number): number {
  if (to <= from) return DBFS_FLOOR;
  let sumSquares = 0;
  for (let i = from; i < to; i += 1) {
    const value = samples[i] ?? 0;
    sumSquares += value * value;
  }
  const rms = Math.sqrt(sumSquares / (to - from));
  return rms > 0 ? Math.max(DBFS_FLOOR, 20 * Math.log10(rms)) : DBFS_FLOOR;
}

/**
 * One dBFS value per consecutive, non-overlapping window of round(sampleRate × 0.1) samples; a trailing
 * partial window is dropped unless the whole recording is shorter than one window.
 */
export function loudnessLevels(samples: Float32Array, sampleRate: number): number[] {
  const size = Math.max(1, Math.round(sampleRate * ENERGY_WINDOW_SECONDS));
  if (samples.length === 0) return [];
  if (samples.length < size) return [rmsDbfs(samples, 0, samples.length)];
  const count = Math.floor(samples.length / size);
  const levels: number[] = [];
  for (let w = 0; w < count; w += 1) levels.push(rmsDbfs(samples, w * size, (w + 1) * size));
  return levels;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Population standard deviation; 0 for fewer than two values. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}
