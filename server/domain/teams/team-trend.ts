// A member's direction of travel in one number: are their recent scores better or worse than before?

/** How many of the latest scored sessions the trend (and the dashboard's sparkline) looks at. */
export const TREND_WINDOW = 10;

/**
 * Mean of the newer half of the last TREND_WINDOW scores minus the mean of the older half, rounded to one decimal
 * (with an odd count the middle score belongs to neither half). Null before two scores: one point has no direction.
 */
export function scoreTrend(scoresOldestFirst: readonly number[]): number | null {
  const recent = scoresOldestFirst.slice(-TREND_WINDOW);
  if (recent.length < 2) return null;
  const half = Math.floor(recent.length / 2);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const delta = mean(recent.slice(-half)) - mean(recent.slice(0, half));
  return Math.round(delta * 10) / 10 || 0;
}
