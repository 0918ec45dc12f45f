// Server-Sent Events framing for REST streams: `id:` is the event id (so browsers and clients resume with
// Last-Event-ID), `event:` its type, heartbeat comments keep proxies from closing an idle connection.
import type { RealtimeEvent } from './event';
import type { StreamItem } from './subscribe-events';

export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

// The hub hands the same event object to every listener of an instance: frame and encode it once, not per client.
const frames = new WeakMap<RealtimeEvent, Uint8Array>();
const encoder = new TextEncoder();
function frame(e: RealtimeEvent): Uint8Array {
  let bytes = frames.get(e);
  if (!bytes) {
    bytes = encoder.encode(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ id: e.id, type: e.type, payload: e.payload, createdAt: e.createdAt })}\n\n`);
    frames.set(e, bytes);
  }
  return bytes;
}

const heartbeatMs = () => (Number(process.env.REALTIME_HEARTBEAT_SECONDS) || 15) * 1000;

export function sseStream(items: (signal: AbortSignal) => AsyncGenerator<StreamItem>, outer?: AbortSignal): ReadableStream<Uint8Array> {
  const abort = new AbortController();
  outer?.addEventListener('abort', () => abort.abort());
  let heartbeat: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string | Uint8Array) => {
        if (!abort.signal.aborted) controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
      };
      send(`retry: 3000\n: connected\n\n`);
      heartbeat = setInterval(() => send(`: heartbeat ${new Date().toISOString()}\n\n`), heartbeatMs());
      try {
        for await (const item of items(abort.signal)) {
          // REST readers resume by Last-Event-ID and read their data themselves: `ready` is the browser's cue only.
          if (item.kind === 'ready') continue;
          if (item.kind === 'reset') send(`event: reset\ndata: ${JSON.stringify({ reason: item.reason })}\n\n`);
          else if (item.kind === 'ended') {
            // The caller's access ended: say so and close. A reconnect is refused (401/404) unless access returned.
            send(`event: ended\ndata: ${JSON.stringify({ reason: item.reason })}\n\n`);
            break;
          } else send(frame(item.event));
        }
      } catch (error) {
        console.error('[realtime] stream failed:', error instanceof Error ? error.message : error);
      } finally {
        clearInterval(heartbeat);
        if (!abort.signal.aborted) controller.close();
      }
    },
    cancel() {
      clearInterval(heartbeat);
      abort.abort();
    },
  });
}
