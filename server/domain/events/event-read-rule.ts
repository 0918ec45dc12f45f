// SECURITY: one read rule per subject for events. A member's or API key's stream delivers an event about a subject
// only if that viewer may read the subject over REST, asked of the very function REST asks: a call's mayReadCall, a
// person's sessions' visibleUserIds (session.scope.ts). Events without a subject are organization-wide (their
// audience permission decides); a subject kind without a rule here reaches nobody (fail closed: a new kind of subject
// needs its rule).
import type { OrgCtx } from '../../context';
import type { RealtimeEvent } from '../../realtime/event';
import { mayReadCall } from '../calls/call-access';
import { chatterId } from '../conversations/conversation-access';
import type { CallEventFacts } from '../calls/call-events-realtime';
import { visibleUserIds } from '../sessions/session.scope';

/** What a stream keeps between events: the people whose sessions its viewer sees, read at most every few seconds. */
type StreamMemo = { sessionUsers?: { at: number; users: Promise<'all' | string[]> } };
type Rule = (ctx: OrgCtx, event: RealtimeEvent, memo: StreamMemo) => boolean | Promise<boolean>;

// Team changes (a rep joins or leaves a team) need no access change: a stream reads whom its viewer leads again after
// this long — one query per stream and period, not one per event.
const SESSION_SCOPE_TTL_MS = 5_000;

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
  // A contact import is read by whoever may read contacts (GET /imports/{id}); its audience permission already says so.
  import: (ctx) => ctx.permissions.has('contacts:read'),
  // A transmission (and its spools, the inbox) is read by whoever may read transmissions: every one of the organization.
  transmission: (ctx) => ctx.permissions.has('transmissions:read'),
  // A campaign's progress is read by whoever may read campaigns (GET /campaigns/{id}): every one of the organization.
  campaign: (ctx) => ctx.permissions.has('campaigns:read'),
  // A conversation's message is read by whoever took part in the conversation when it was sent (as GET …/messages
  // answers them, and nobody removed before it): its payload names them.
  conversation: (ctx, event) => {
    const ids = payloadOf(event).participantIds;
    if (!Array.isArray(ids)) return false;
    try {
      return ids.includes(chatterId(ctx));
    } catch {
      return false;
    }
  },
  // A session is read by whoever may see its person's sessions (session.scope.ts, as every REST read of sessions):
  // themselves, their teams' managers, coaching admins.
  session: async (ctx, event, memo) => {
    const userId = payloadOf(event).userId;
    if (typeof userId !== 'string') return false;
    if (!memo.sessionUsers || Date.now() - memo.sessionUsers.at > SESSION_SCOPE_TTL_MS) memo.sessionUsers = { at: Date.now(), users: visibleUserIds(ctx) };
    const users = await memo.sessionUsers.users;
    return users === 'all' || users.includes(userId);
  },
};

/** The read rule of one stream's viewer (a context resolved for it): decides each event as REST would. */
export function eventReaderFor(ctx: OrgCtx): (event: RealtimeEvent) => boolean | Promise<boolean> {
  const memo: StreamMemo = {};
  // SECURITY: an external user (a customer) reads its own conversations' events and nothing of the organization else.
  const external = ctx.actor.kind === 'externalUser';
  return (event) => {
    if (external && !event.subject?.startsWith('conversation:')) return false;
    if (event.subject === null) return true;
    const rule = RULES[event.subject.slice(0, event.subject.indexOf(':'))];
    return rule ? rule(ctx, event, memo) : false;
  };
}
