// The customer's live stream: only the events about their own call (its subject), through the platform's
// subscribeEvents, opened with the call's token.
import { AppError } from '../../errors';
import { subscribeEvents } from '../../realtime/subscribe-events';
import { resolveCallParty } from './call-access';
import { callSubject } from './call-events-realtime';
import { CUSTOMER_AUDIENCE } from './call-signals';

export async function customerCallEvents(opts: { callToken: string; callId: string; lastEventId?: string | null; signal: AbortSignal }) {
  const party = await resolveCallParty({ ctx: null, callToken: opts.callToken, callId: opts.callId });
  if (party.kind !== 'customer') throw new AppError('not_found', { message: 'Call not found' });
  // SECURITY: one subject and only the customer audience: the customer sees their call's updates, messages and the
  // signals addressed to them, nothing else of the organization.
  return subscribeEvents({ organizationId: party.organizationId, userId: null, permissions: new Set([CUSTOMER_AUDIENCE]), subject: callSubject(party.callId) }, { lastEventId: opts.lastEventId, signal: opts.signal });
}
