// A transmission's or spool's status as a badge, in the same words everywhere.
import { Badge } from '@/components/ui/badge';

const TONE = { pending: 'neutral', processing: 'accent', completed: 'success', failed: 'danger', invalid: 'warning', initiated: 'accent', received: 'success' } as const;
const LABEL = { pending: 'Pending', processing: 'Sending', completed: 'Completed', failed: 'Failed', invalid: 'Invalid', initiated: 'Sending', received: 'Received' } as const;

export function StatusBadge({ status }: { status: keyof typeof TONE }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}

export const STATUS_OPTIONS = (['pending', 'processing', 'completed', 'failed', 'invalid'] as const).map((value) => ({ value, label: LABEL[value] }));
