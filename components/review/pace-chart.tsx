'use client';
// Words per minute over the session against the slow / good / fast bands, with pauses shaded; clicking plays from there.
import { Chart } from '@/components/charts/chart';
import { formatDuration } from '@/components/coaching/format';
import { WPM_BOUNDS } from '@/server/analysis/speaking-pace';
import type { SessionDto } from '@/server/domain/sessions/session.schema';

export function PaceChart({ wpm, pauses, onSeek }: { wpm: NonNullable<SessionDto['wpm']>; pauses: NonNullable<SessionDto['pauses']>; onSeek: ((seconds: number) => void) | null }) {
  const top = Math.max(220, ...wpm.series.map((p) => p.wpm + 20));
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <Chart
      title="Speaking pace"
      summary={`Average ${Math.round(wpm.average)} words per minute; ${pct(wpm.ranges.slow)} of the time slow (under ${WPM_BOUNDS.slow}), ${pct(wpm.ranges.good)} in the good range, ${pct(wpm.ranges.fast)} fast (over ${WPM_BOUNDS.fast}). ${pauses.items.length} pauses marked.`}
      data={wpm.series}
      x={{ key: 't', format: (s) => formatDuration(s), label: 'Time into the pitch' }}
      y={{ domain: [0, top], format: (v) => `${v}` }}
      bands={[
        { from: 0, to: WPM_BOUNDS.slow, label: 'Slow', color: 'sky' },
        { from: WPM_BOUNDS.slow, to: WPM_BOUNDS.fast, label: 'Good', color: 'emerald' },
        { from: WPM_BOUNDS.fast, to: top, label: 'Fast', color: 'amber' },
      ]}
      spans={pauses.items.map((p) => ({ from: p.start, to: p.start + p.duration, label: `Pause ${p.duration.toFixed(1)} s` }))}
      // A pitch shorter than one 10 s window has a single point: show it as a dot.
      series={[{ key: 'wpm', label: 'Words per minute', dots: wpm.series.length < 3 }]}
      onSelectX={onSeek ?? undefined}
    />
  );
}
