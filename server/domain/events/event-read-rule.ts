// SECURITY: one read rule per subject for events. A member's or API key's stream delivers an event about a subject
// only if that viewer may read the subject over REST, asked of the very function REST asks: a call's mayReadCall,
// a person's sessions' canSeeSessionsOf. Events without a subject are organization-wide (their audience permission
// decides); a subject kind without a rule here reaches nobody (fail closed: a new kind of subject needs its rule).
import type { OrgCtx } from '../../context';
import type { RealtimeEvent } from '../../realtime/event';
import { mayReadCall } from '../calls/call-access';
import type { CallEventFacts } from '../calls/call-events-realtime';
import { canSeeSessionsOf } from '../sessions/session.scope';

type Rule = (ctx: OrgCtx, event: RealtimeEvent) => boolean | Promise<boolean>;

const payloadOf = (event: RealtimeEvent) => (typeof event.payload === 'object' && event.payload !== null ? (event.payload as Record<string, unknown>) : {});

const RULES: Record<string, Rule> = {
  // A call's events carry its state. A change reaches whoever may read the call as it is now or as it was: the
  // dealers who saw it waiting learn that it was taken or missed, and nothing after.
  call: (ctx, event) => {
    const facts = payloadOf(event) as Partial<CallEventFacts>;
    if (event.type === 'call.signal') return true; // addressed to one person (audience userId) or the customer only
    if (!facts.status) return false;
    const dealerId = facts.dealerId ?? null;
    return mayReadCall(ctx, { status: facts.status, dealerId }) || (facts.previousStatus !== undefined && mayReadCall(ctx, { status: facts.previousStatus, dealerId: null }));
  },
  // A session is read by whoever may see its person's sessions: themselves, their teams' managers, coaching admins.
  session: (ctx, event) => {
    const userId = payloadOf(event).userId;
    return typeof userId === 'string' && canSeeSessionsOf(ctx, userId);
  },
};

export function mayReadEvent(ctx: OrgCtx, event: RealtimeEvent): boolean | Promise<boolean> {
  if (event.subject === null) return true;
  const rule = RULES[event.subject.slice(0, event.subject.indexOf(':'))];
  return rule ? rule(ctx, event) : false;
}
