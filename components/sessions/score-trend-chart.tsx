'use client';
// Scores over time for the sessions a list shows (same filters), through the shared chart.
import { useQuery } from '@tanstack/react-query';
import { Chart } from '@/components/charts/chart';
import { useTRPC } from '@/components/providers/trpc';
import { Skeleton } from '@/components/ui/skeleton';

const DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

export function ScoreTrendChart({ query, title }: { query: Record<string, string>; title: string }) {
  const trpc = useTRPC();
  const trend = useQuery(trpc.sessions.trend.queryOptions({ query }, { placeholderData: (p) => p }));
  if (!trend.data) return <Skeleton className="h-60 w-full" />;
  const points = trend.data.points.map((p) => ({ at: Date.parse(p.recordedAt), score: p.score }));
  if (points.length < 2) {
    return (
      <p className="flex h-40 items-center justify-center rounded-lg border border-dashed border-zinc-200 text-sm text-zinc-500">
        {points.length === 0 ? 'No scored sessions yet: the trend appears after the first two.' : 'One scored session so far: the trend appears after the next.'}
      </p>
    );
  }
  const first = trend.data.points[0]!;
  const last = trend.data.points.at(-1)!;
  return (
    <Chart
      title={title}
      summary={`${points.length} scored sessions from ${DAY.format(new Date(first.recordedAt))} (score ${first.score}) to ${DAY.format(new Date(last.recordedAt))} (score ${last.score}).`}
      data={points}
      x={{ key: 'at', type: 'time' }}
      y={{ domain: [0, 100], label: 'Score' }}
      bands={[{ from: 80, to: 100, label: 'Strong', color: 'emerald' }]}
      series={[{ key: 'score', label: 'Score', dots: true }]}
      height={220}
    />
  );
}
