// GET /events and the UI's subscription: the organization's events the calling member or API key may read, resumable
// by id. The viewer follows the caller's access as it changes: on an access change that concerns them (published on
// every instance, access-changes.ts) the stream resolves their credentials again — a new role re-scopes it, a removal,
// a revoked key or a changed password ends it.
import { requireOrg, type Ctx, type OrgCtx } from '../../context';
import type { AccessHolder } from '../../realtime/access-changes';
import type { Viewer } from '../../realtime/event';
import { sseStream } from '../../realtime/sse';
import { parseEventCursor, subscribeEvents } from '../../realtime/subscribe-events';
import { eventReaderFor } from './event-read-rule';

function viewerOf(ctx: OrgCtx): Viewer {
  return {
    organizationId: ctx.organizationId,
    userId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    permissions: ctx.permissions,
    mayRead: eventReaderFor(ctx),
  };
}

export function memberEventItems(opts: { ctx: Ctx; lastEventId?: string | null; signal: AbortSignal }) {
  const ctx = requireOrg(opts.ctx);
  const holder: AccessHolder = {
    organizationId: ctx.organizationId,
    // An external user's stream hears its credential changes too (a rotated key ends a stream opened with the old one).
    userId: ctx.actor.kind === 'user' || ctx.actor.kind === 'externalUser' ? ctx.actor.id : null,
    apiKeyId: ctx.actor.kind === 'apiKey' ? ctx.actor.id : null,
  };
  // SECURITY: fail closed — a context that cannot be resolved again, or now acts elsewhere, ends the stream.
  const recheck = async (): Promise<Viewer | null> => {
    const now = await opts.ctx.recheck?.().catch(() => null);
    if (!now || now.organizationId !== ctx.organizationId) return null;
    return viewerOf(now as OrgCtx);
  };
  return subscribeEvents(viewerOf(ctx), { lastEventId: opts.lastEventId, signal: opts.signal, access: { holder, recheck } });
}

/** The SSE body for a member; validates the cursor before the stream starts, so a bad one is a 422, not a broken stream. */
export function memberEventStream(opts: { ctx: Ctx; lastEventId?: string | null; signal: AbortSignal }): ReadableStream<Uint8Array> {
  parseEventCursor(opts.lastEventId);
  requireOrg(opts.ctx);
  return sseStream((signal) => memberEventItems({ ...opts, signal }), opts.signal);
}
