// GET /events as a test reads it: the frames collected in the background until stopped or the server ends the stream.
import { expect } from 'vitest';
import { api } from './api-client';

export type EventFrame = { event: string; data: { type?: string; payload?: Record<string, unknown>; reason?: string } };

export type EventStream = {
  frames: EventFrame[];
  /** The server ended the stream (or it was stopped). */
  readonly closed: boolean;
  types(): string[];
  /** Waits until `check` holds (or fails after `ms`, listing the frames so far). */
  until(check: () => boolean, ms?: number): Promise<void>;
  stop(): Promise<void>;
};

/** Opens GET /events with these headers (a 200 is expected) and lets the subscription settle before returning. */
export async function openEventStream(headers: Record<string, string>): Promise<EventStream> {
  const abort = new AbortController();
  const res = await api('GET', '/events', { headers, stream: true, signal: abort.signal });
  expect(res.status, 'GET /events').toBe(200);
  const frames: EventFrame[] = [];
  let closed = false;
  const reader = res.stream!.getReader();
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value: chunk, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = block.match(/^event: (.*)$/m)?.[1];
          const data = block.match(/^data: (.*)$/m)?.[1];
          if (event && data) frames.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
    closed = true;
  })();
  const stream: EventStream = {
    frames,
    get closed() {
      return closed;
    },
    types: () => frames.map((f) => f.event),
    async until(check, ms = 8_000) {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out; frames so far: ${JSON.stringify(frames)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      await reading;
    },
  };
  await new Promise((r) => setTimeout(r, 300));
  return stream;
}
