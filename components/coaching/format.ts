// How coaching numbers read on screen: durations, scores and their tone.

/** A running timer, like a stopwatch: whole seconds reached (0:02 until three seconds are in, never rounded up). */
export const formatElapsed = (seconds: number) => formatDuration(Math.floor(seconds));

/** 95 → "1:35"; 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Seconds as a sentence: 90 → "1 min 30 s". */
export function describeSeconds(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  if (!m) return `${s} s`;
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

export type ScoreTone = 'success' | 'accent' | 'warning' | 'danger';

export function scoreTone(score: number): ScoreTone {
  if (score >= 80) return 'success';
  if (score >= 60) return 'accent';
  if (score >= 40) return 'warning';
  return 'danger';
}

export const SCORE_TEXT: Record<ScoreTone, string> = {
  success: 'text-emerald-700',
  accent: 'text-accent-600',
  warning: 'text-amber-700',
  danger: 'text-red-600',
};
