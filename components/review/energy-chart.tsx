'use client';
// Loudness of the voice over the recording (dBFS per window), through the shared chart.
import { Chart } from '@/components/charts/chart';
import { formatDuration } from '@/components/coaching/format';
import type { SessionDto } from '@/server/domain/sessions/session.schema';

/** Long recordings have thousands of windows; a few hundred points draw the same picture. */
const MAX_POINTS = 400;
/**
 * The chart's floor: a room's background noise. Digital silence is −100 dBFS; drawn to scale, every pause would
 * plunge to the bottom and squash the voice into the top third of the chart. The analysis keeps the true values.
 */
const FLOOR_DBFS = -60;

export function EnergyChart({ energy, onSeek }: { energy: NonNullable<SessionDto['energy']>; onSeek: ((seconds: number) => void) | null }) {
  const step = Math.max(1, Math.ceil(energy.values.length / MAX_POINTS));
  const data: { t: number; db: number }[] = [];
  for (let i = 0; i < energy.values.length; i += step) {
    const slice = energy.values.slice(i, i + step);
    data.push({ t: Math.round((i + slice.length / 2) * energy.windowSeconds * 10) / 10, db: Math.max(FLOOR_DBFS, ...slice) });
  }
  return (
    <Chart
      title="Vocal energy"
      summary={`Average loudness ${Math.round(energy.average)} dBFS with ${energy.vocalVariation.toFixed(1)} dB of variation; pitch varies by ${energy.pitch.variation.toFixed(1)} semitones. Silence is drawn at ${FLOOR_DBFS} dBFS.`}
      data={data}
      x={{ key: 't', format: (s) => formatDuration(s), label: 'Time into the pitch' }}
      y={{ domain: [FLOOR_DBFS, 0], ticks: [-60, -45, -30, -15, 0], label: 'dBFS' }}
      series={[{ key: 'db', label: 'Loudness (dBFS)', kind: 'area', color: 'sky' }]}
      height={180}
      onSelectX={onSeek ?? undefined}
    />
  );
}
