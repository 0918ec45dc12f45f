// The smaller findings of a session: fillers by word, keywords hit and missed, pauses, and length against the target.
import { describeSeconds, formatDuration } from '@/components/coaching/format';
import { Badge } from '@/components/ui/badge';
import type { SessionDto } from '@/server/domain/sessions/session.schema';

export function FillerSummary({ fillers }: { fillers: NonNullable<SessionDto['fillers']> }) {
  const entries = Object.entries(fillers.summary).sort((a, b) => b[1] - a[1]);
  return (
    <div className="space-y-3 text-sm">
      <p className="text-zinc-700">
        <span className="text-2xl font-semibold text-zinc-900 tabular-nums">{fillers.total}</span> {fillers.total === 1 ? 'filler' : 'fillers'}
      </p>
      {entries.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Fillers by word">
          {entries.map(([word, count]) => (
            <li key={word}>
              <Badge tone="warning">
                {word} × {count}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <p className="text-zinc-600">{fillers.recommendation}</p>
    </div>
  );
}

export function KeywordSummary({ keywords }: { keywords: NonNullable<SessionDto['keywords']> }) {
  return (
    <div className="space-y-3 text-sm">
      {keywords.hit.length + keywords.missed.length === 0 ? (
        <p className="text-zinc-500">This module lists no keywords.</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" aria-label="Keywords">
          {keywords.hit.map((k) => (
            <li key={`hit-${k}`}>
              <Badge tone="success" wrap>
                ✓ {k}
              </Badge>
            </li>
          ))}
          {keywords.missed.map((k) => (
            <li key={`missed-${k}`}>
              <Badge tone="danger" wrap>
                ✗ {k}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <p className="text-zinc-600">{keywords.recommendation}</p>
    </div>
  );
}

export function PauseList({ pauses, onSeek }: { pauses: NonNullable<SessionDto['pauses']>; onSeek: ((seconds: number) => void) | null }) {
  const longest = [...pauses.items].sort((a, b) => b.duration - a.duration).slice(0, 5);
  return (
    <div className="space-y-3 text-sm">
      {longest.length === 0 ? (
        <p className="text-zinc-500">No pauses worth noting.</p>
      ) : (
        <ul className="space-y-1" aria-label="Longest pauses">
          {longest.map((p) => (
            <li key={p.start} className="flex justify-between gap-3 tabular-nums">
              {onSeek ? (
                <button type="button" className="font-medium text-accent-600 hover:text-accent-700" onClick={() => onSeek(Math.max(0, p.start - 1))}>
                  at {formatDuration(p.start)}
                </button>
              ) : (
                <span>at {formatDuration(p.start)}</span>
              )}
              <span className="text-zinc-600">{p.duration.toFixed(1)} s</span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-zinc-600">{pauses.recommendation}</p>
    </div>
  );
}

export function TargetTimeSummary({ targetTime }: { targetTime: NonNullable<SessionDto['targetTime']> }) {
  const over = targetTime.delta > 0;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-zinc-700">
        <span className="text-2xl font-semibold text-zinc-900 tabular-nums">{formatDuration(targetTime.actual)}</span> of {formatDuration(targetTime.target)}
        {Math.abs(targetTime.delta) >= 1 && <span className={over ? ' text-amber-700' : ' text-sky-700'}> ({describeSeconds(Math.abs(targetTime.delta))} {over ? 'over' : 'under'})</span>}
      </p>
      <p className="text-zinc-600">{targetTime.recommendation}</p>
    </div>
  );
}
