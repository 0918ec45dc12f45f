// A call's status as a colored pill, in words a manager reads at a glance.
import { Badge } from '@/components/ui/badge';
import type { CallStatus } from '@/server/domain/calls/call.schema';

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  requested: 'Waiting',
  active: 'In progress',
  completed: 'Completed',
  missed: 'Missed',
  expired: 'Dropped',
};

const TONES = { requested: 'warning', active: 'accent', completed: 'success', missed: 'danger', expired: 'neutral' } as const;

export function CallStatusBadge({ status }: { status: CallStatus }) {
  return <Badge tone={TONES[status]}>{CALL_STATUS_LABELS[status]}</Badge>;
}
