// A session's score as a coloured pill — marked "voice only" while it covers just what the recording gave (pauses,
// length, energy) — or a plain note when nothing could be scored yet.
import { Badge } from '@/components/ui/badge';
import { scoreTone } from './format';

export function ScoreBadge({ score, status }: { score: number | null; status?: 'ready' | 'pending' | 'failed' | 'missing' }) {
  if (score === null) {
    const label = status === 'pending' ? 'Transcribing' : status === 'failed' ? 'Transcription failed' : 'Needs transcript';
    return <Badge tone={status === 'failed' ? 'danger' : 'neutral'}>{label}</Badge>;
  }
  const voiceOnly = status !== undefined && status !== 'ready';
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Badge tone={scoreTone(score)} className="tabular-nums">
        <span className="sr-only">Score </span>
        {score}
      </Badge>
      {voiceOnly && (
        <span className="text-xs text-zinc-500" title="Scored on the recording alone (pauses, length, energy) until the words are added">
          voice only
        </span>
      )}
    </span>
  );
}
