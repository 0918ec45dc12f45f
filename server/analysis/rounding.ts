// Fixed-decimal rounding so the same input always serializes to byte-identical JSON.

/** Decimals used for times in seconds (millisecond precision, matching WebVTT). */
export const TIME_DECIMALS = 3;
/** Decimals used for every other reported number (wpm, dBFS, Hz, shares, ...). */
export const VALUE_DECIMALS = 2;

/** Rounds half away from zero to `decimals` places and never returns -0 (it would print oddly in some tools). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

export function roundTime(seconds: number): number {
  return roundTo(seconds, TIME_DECIMALS);
}

export function roundValue(value: number): number {
  return roundTo(value, VALUE_DECIMALS);
}

/** Clamps to [min, max]; scores use it so a formula can never leave 0..100. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
