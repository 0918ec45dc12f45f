'use client';
// A member's trend on the dashboard: the points gained or lost, and their last scores as a sparkline.
import { Chart } from '@/components/charts/chart';
import { cx } from '@/components/ui/cx';

export function TrendCell({ trend, scores, name }: { trend: number | null; scores: number[]; name: string }) {
  if (trend === null)
    return (
      <span className="text-zinc-500">
        <span className="hidden sm:inline">Not enough sessions</span>
        <span className="sm:hidden">—</span>
      </span>
    );
  // Whole points: "+22", as scores are whole.
  const points = Math.round(trend);
  const up = points > 0;
  const flat = points === 0;
  return (
    <div className="flex items-center justify-end gap-3">
      <Chart
        compact
        className="hidden w-24 sm:block"
        title={`Recent scores of ${name}`}
        summary={`Last ${scores.length} scores: ${scores.join(', ')}`}
        data={scores.map((score, i) => ({ i, score }))}
        x={{ key: 'i' }}
        y={{ domain: [0, 100] }}
        series={[{ key: 'score', label: 'Score', color: flat ? 'zinc' : up ? 'emerald' : 'red' }]}
      />
      <span className={cx('min-w-14 text-right font-medium whitespace-nowrap tabular-nums', flat ? 'text-zinc-500' : up ? 'text-emerald-700' : 'text-red-600')}>
        <span aria-hidden>{flat ? '→' : up ? '↑' : '↓'}</span> {up ? '+' : ''}
        {points}
      </span>
    </div>
  );
}
