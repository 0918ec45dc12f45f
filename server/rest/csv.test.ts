// The CSV download: a UTF-8 byte-order mark and a header, then the export's bytes as they were written; pulled as
// the client reads (a bounded way ahead); an export that fails before its first rows fails the request, not the download.
import { describe, expect, it } from 'vitest';
import { csvStream } from './csv';

const encode = (s: string) => new TextEncoder().encode(s);
async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('csvStream', () => {
  it('writes a BOM and a quoted header, then the rows as they come', async () => {
    async function* body() {
      yield encode('1,"a, b"\n');
      yield encode('2,Ünïcødé\n');
    }
    const bytes = await bytesOf(await csvStream({ columns: ['n', 'Name, full', 'Say "hi"'], body: body() }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)).toBe('n,"Name, full","Say ""hi"""\n1,"a, b"\n2,Ünïcødé\n');
  });

  it('an empty export is the header alone', async () => {
    async function* body(): AsyncGenerator<Uint8Array> {}
    expect(new TextDecoder().decode(await bytesOf(await csvStream({ columns: ['a', 'b'], body: body() })))).toBe('a,b\n');
  });

  it('a failure before the first rows rejects, so the request can still answer with an error', async () => {
    const body: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('no such zone')) }) };
    await expect(csvStream({ columns: ['a'], body })).rejects.toThrow('no such zone');
  });

  it('reads a bounded way ahead of a reader that does not read, and a cancelled reader stops the source', async () => {
    let produced = 0;
    let stopped = false;
    const line = encode(`${'x'.repeat(99)}\n`);
    async function* body() {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          produced++;
          yield line;
        }
      } finally {
        stopped = true;
      }
    }
    const reader = (await csvStream({ columns: ['pad'], body: body() })).getReader();
    await new Promise((r) => setTimeout(r, 100));
    // Nobody reads: a 100 MB export stops after the read-ahead (256 KiB) and one gathered chunk (64 KiB).
    const ahead = produced * line.byteLength;
    expect(ahead).toBeGreaterThan(64 * 1024);
    expect(ahead).toBeLessThan(400 * 1024);
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 50));
    expect(produced * line.byteLength).toBeLessThan(ahead + 200 * 1024);
    await reader.cancel();
    expect(stopped).toBe(true);
  });
});
