// Server-Sent Events framing for REST streams: `id:` is the event id (so browsers and clients resume with
// Last-Event-ID), `event:` its type, heartbeat comments keep proxies from closing an idle connection.
import type { StreamItem } from './subscribe-events';

export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

const heartbeatMs = () => (Number(process.env.REALTIME_HEARTBEAT_SECONDS) || 15) * 1000;

export function sseStream(items: (signal: AbortSignal) => AsyncGenerator<StreamItem>, outer?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  outer?.addEventListener('abort', () => abort.abort());
  let heartbeat: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      send(`retry: 3000\n: connected\n\n`);
      heartbeat = setInterval(() => send(`: heartbeat ${new Date().toISOString()}\n\n`), heartbeatMs());
      try {
        for await (const item of items(abort.signal)) {
          if (item.kind === 'reset') send(`event: reset\ndata: ${JSON.stringify({ reason: item.reason })}\n\n`);
          else send(`id: ${item.event.id}\nevent: ${item.event.type}\ndata: ${JSON.stringify({ id: item.event.id, type: item.event.type, payload: item.event.payload, createdAt: item.event.createdAt })}\n\n`);
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
