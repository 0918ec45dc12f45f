// A call's status as a colored pill, in the words the API and the CSV export use for it (one vocabulary everywhere),
// with what each means for whoever wonders.
import { Badge } from '@/components/ui/badge';
import type { CallStatus } from '@/server/domain/calls/call.schema';

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  requested: 'Requested',
  active: 'Active',
  completed: 'Completed',
  missed: 'Missed',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

export const CALL_STATUS_MEANINGS: Record<CallStatus, string> = {
  requested: 'The customer is waiting for a dealer',
  active: 'A dealer and the customer are talking',
  completed: 'The call ended normally',
  missed: 'No dealer accepted it in time',
  expired: 'The dealer’s connection was lost during the call',
  cancelled: 'The customer withdrew the request before a dealer took it',
};

const TONES = { requested: 'warning', active: 'accent', completed: 'success', missed: 'danger', expired: 'neutral', cancelled: 'neutral' } as const;

export function CallStatusBadge({ status }: { status: CallStatus }) {
  return (
    <Badge tone={TONES[status]} title={CALL_STATUS_MEANINGS[status]}>
      {CALL_STATUS_LABELS[status]}
    </Badge>
  );
}
