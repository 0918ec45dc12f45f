// GET /events and the UI's subscription: the organization's events the calling member may see, resumable by id.
import { requireOrg, type Ctx } from '../context';
import { sseStream } from './sse';
import { subscribeEvents, parseEventCursor } from './subscribe-events';
import { viewerOf } from './viewer';

export function memberEventItems(opts: { ctx: Ctx; lastEventId?: string | null; signal: AbortSignal }) {
  const viewer = viewerOf(requireOrg(opts.ctx));
  return subscribeEvents(viewer, { lastEventId: opts.lastEventId, signal: opts.signal });
}

/** The SSE body for a member; validates the cursor before the stream starts, so a bad one is a 422, not a broken stream. */
export function memberEventStream(opts: { ctx: Ctx; lastEventId?: string | null; signal: AbortSignal }): ReadableStream<Uint8Array> {
  parseEventCursor(opts.lastEventId);
  requireOrg(opts.ctx);
  return sseStream((signal) => memberEventItems({ ...opts, signal }), opts.signal);
}
