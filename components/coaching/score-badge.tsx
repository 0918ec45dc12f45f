// A session's score as a coloured pill, or a plain note when the session has no words (so no score) yet.
import { Badge } from '@/components/ui/badge';
import { scoreTone } from './format';

export function ScoreBadge({ score, status }: { score: number | null; status?: 'ready' | 'pending' | 'failed' | 'missing' }) {
  if (score === null) {
    const label = status === 'pending' ? 'Transcribing' : status === 'failed' ? 'Transcription failed' : 'Needs transcript';
    return <Badge tone={status === 'failed' ? 'danger' : 'neutral'}>{label}</Badge>;
  }
  return (
    <Badge tone={scoreTone(score)} className="tabular-nums">
      <span className="sr-only">Score </span>
      {score}
    </Badge>
  );
}
