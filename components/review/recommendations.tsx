// What to work on next: each measured component's advice, weakest first.
import { scoreTone } from '@/components/coaching/format';
import { Badge } from '@/components/ui/badge';
import type { SessionDto } from '@/server/domain/sessions/session.schema';
import { COMPONENT_LABELS } from './score-breakdown';

export function Recommendations({ score }: { score: NonNullable<SessionDto['score']> }) {
  const items = (Object.keys(COMPONENT_LABELS) as (keyof typeof COMPONENT_LABELS)[])
    .flatMap((key) => {
      const part = score.components[key];
      return part ? [{ key, label: COMPONENT_LABELS[key], ...part }] : [];
    })
    .sort((a, b) => a.score - b.score);
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li key={item.key} className="flex items-start gap-3">
          <Badge tone={scoreTone(item.score)} className="mt-0.5 w-9 justify-center tabular-nums">
            {item.score}
          </Badge>
          <div className="min-w-0 text-sm">
            <p className="font-medium text-zinc-900">{item.label}</p>
            <p className="text-zinc-600">{item.recommendation}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
