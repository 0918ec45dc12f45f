// A stream of the events a viewer may see, from a cursor (Last-Event-ID) or from now, until the signal aborts.
import { AppError } from '../errors';
import type { RealtimeEvent, Viewer } from './event';
import { latestEventId, oldestEventId } from './event-log';
import { realtimeHub, type Listener } from './hub';

/** A client that falls this far behind is dropped; it reconnects with its Last-Event-ID and replays from the log. */
const MAX_BUFFERED = 5_000;

export type StreamItem = { kind: 'event'; event: RealtimeEvent } | { kind: 'reset'; reason: string };

/** Parses a Last-Event-ID: a decimal event id; anything else is refused rather than silently replaying everything. */
export function parseEventCursor(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined || value === '') return null;
  if (!/^\d{1,19}$/.test(value)) {
    throw new AppError('validation_failed', { message: 'Last-Event-ID must be an event id', errors: [{ path: 'lastEventId', message: 'must be an event id' }] });
  }
  return BigInt(value);
}

export async function* subscribeEvents(viewer: Viewer, opts: { lastEventId?: string | null; signal: AbortSignal }): AsyncGenerator<StreamItem> {
  const requested = parseEventCursor(opts.lastEventId);
  let cursor = requested ?? (await latestEventId(viewer.organizationId));
  if (requested !== null) {
    // Events are kept 7 days: a cursor older than the log cannot be replayed exactly, and the client must know.
    const oldest = await oldestEventId(viewer.organizationId);
    if (oldest !== null && requested < oldest - 1n) {
      yield { kind: 'reset', reason: 'Events after your last one are no longer kept; reload to catch up.' };
      cursor = oldest - 1n;
    }
  }
  const queue: RealtimeEvent[] = [];
  let wake: (() => void) | null = null;
  let overflow = false;
  const listener: Listener = {
    viewer,
    cursor,
    deliver(events) {
      if (queue.length + events.length > MAX_BUFFERED) overflow = true;
      else queue.push(...events);
      wake?.();
    },
  };
  const onAbort = () => wake?.();
  opts.signal.addEventListener('abort', onAbort);
  const hub = realtimeHub();
  await hub.add(listener);
  try {
    while (!opts.signal.aborted && !overflow) {
      const next = queue.shift();
      if (next) {
        yield { kind: 'event', event: next };
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    hub.remove(listener);
    opts.signal.removeEventListener('abort', onAbort);
  }
}
