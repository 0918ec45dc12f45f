// The session's score and how it is made: each component's score, its weight in the total and its advice.
import Link from 'next/link';
import { SCORE_TEXT, scoreTone } from '@/components/coaching/format';
import { cx } from '@/components/ui/cx';
import type { SessionDto } from '@/server/domain/sessions/session.schema';

export const COMPONENT_LABELS = {
  fillers: 'Filler words',
  pace: 'Pace',
  pauses: 'Pauses',
  keywords: 'Keywords',
  targetTime: 'Target time',
  clarity: 'Clarity',
  energy: 'Vocal energy',
} as const;

type Score = NonNullable<SessionDto['score']>;

const BAR: Record<ReturnType<typeof scoreTone>, string> = { success: 'bg-emerald-500', accent: 'bg-accent-500', warning: 'bg-amber-500', danger: 'bg-red-500' };

export function ScoreBreakdown({ score }: { score: Score }) {
  const parts = (Object.keys(COMPONENT_LABELS) as (keyof typeof COMPONENT_LABELS)[]).map((key) => ({ key, label: COMPONENT_LABELS[key], part: score.components[key], weight: score.weights[key] }));
  return (
    <div className="space-y-5">
      <div className="flex items-end gap-3">
        <p className={cx('text-5xl font-semibold tracking-tight tabular-nums', SCORE_TEXT[scoreTone(score.total)])} aria-label={`Score ${score.total} out of 100`}>
          {score.total}
        </p>
        <p className="pb-1.5 text-sm text-zinc-500">out of 100</p>
      </div>
      <ul className="space-y-3" aria-label="Score components">
        {parts.map(({ key, label, part, weight }) => (
          <li key={key}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-zinc-800">{label}</span>
              {part ? (
                <span className="text-zinc-500 tabular-nums">
                  <span className="font-semibold text-zinc-900">{part.score}</span> · {Math.round(weight * 100)}% of the score
                </span>
              ) : (
                <span className="text-zinc-500">Not counted</span>
              )}
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-100" aria-hidden>
              {part && <div className={cx('h-full rounded-full', BAR[scoreTone(part.score)])} style={{ width: `${part.score}%` }} />}
            </div>
          </li>
        ))}
      </ul>
      <p className="text-sm text-zinc-500">
        Components that could not be measured (no words yet, no keywords in the module, no confidences, no recording) are left out and their weight is shared by the rest.{' '}
        <Link href="/docs/scoring" className="font-medium text-accent-600 hover:text-accent-700" target="_blank">
          How the score is computed
        </Link>
      </p>
    </div>
  );
}
