// A stream of the events a viewer may see, from a cursor (Last-Event-ID) or from now, until the signal aborts — or
// until the viewer's access ends: given `access`, the stream re-checks its viewer on every access change that
// concerns it (access-changes.ts), takes the new scope, or ends with an `ended` item.
import { AppError } from '../errors';
import { concerns, onAccessChange, type AccessHolder } from './access-changes';
import type { RealtimeEvent, Viewer } from './event';
import { latestEventId, oldestEventId } from './event-log';
import { realtimeHub, type Listener } from './hub';

/** A client that falls this far behind is dropped; it reconnects with its Last-Event-ID and replays from the log. */
const MAX_BUFFERED = 5_000;

/**
 * `ready`: the stream is listening — every event after `cursor` (the id it started from) will follow. `resumed` is false
 * when it started from now: a reader that read its data before (a page's first queries, while the stream connected)
 * reads it again, or a change committed in between is never seen. A resumed stream replays from the reader's own id.
 */
export type StreamItem =
  | { kind: 'event'; event: RealtimeEvent }
  | { kind: 'ready'; cursor: string; resumed: boolean }
  | { kind: 'reset'; reason: string }
  | { kind: 'ended'; reason: string };

export type StreamAccess = {
  /** Whose access the stream was opened with. */
  holder: AccessHolder;
  /** The viewer as the holder's access stands now; null when it no longer reaches this stream. */
  recheck(): Promise<Viewer | null>;
};

export const ACCESS_ENDED = 'Your access to these events changed: sign in again or reconnect.';

/** Parses a Last-Event-ID: a decimal event id; anything else is refused rather than silently replaying everything. */
export function parseEventCursor(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined || value === '') return null;
  if (!/^\d{1,19}$/.test(value)) {
    throw new AppError('validation_failed', { message: 'Last-Event-ID must be an event id', errors: [{ path: 'lastEventId', message: 'must be an event id' }] });
  }
  return BigInt(value);
}

export async function* subscribeEvents(viewer: Viewer, opts: { lastEventId?: string | null; signal: AbortSignal; access?: StreamAccess }): AsyncGenerator<StreamItem> {
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
  // Access changes are re-checked one at a time, in order; the last verdict wins.
  let ended = false;
  let rechecking: Promise<void> = Promise.resolve();
  const access = opts.access;
  const stopWatching = access
    ? await onAccessChange((notice) => {
        if (!concerns(notice, access.holder)) return;
        rechecking = rechecking.then(async () => {
          const now = await access.recheck().catch(() => null);
          if (now) listener.viewer = now;
          else ended = true;
          wake?.();
        });
      })
    : null;
  const hub = realtimeHub();
  await hub.add(listener);
  try {
    // In the hub from `cursor` on: whatever commits from here (or committed since the cursor was read) is delivered.
    yield { kind: 'ready', cursor: String(cursor), resumed: requested !== null };
    while (!opts.signal.aborted && !overflow) {
      if (ended) {
        yield { kind: 'ended', reason: ACCESS_ENDED };
        return;
      }
      const next = queue.shift();
      if (next) {
        // SECURITY: the subject's read rule, with the viewer as it stands now (after any re-check).
        const rule = listener.viewer.mayRead;
        if (!rule || (await rule(next))) {
          if (!ended) yield { kind: 'event', event: next };
        }
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    stopWatching?.();
    hub.remove(listener);
    opts.signal.removeEventListener('abort', onAbort);
  }
}
