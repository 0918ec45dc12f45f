// The CSV download: a UTF-8 byte-order mark and a header, then the export's bytes as they were written; pulled as
// the client reads; an export that fails before its first rows fails the request, not the download.
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
    async function* body(): AsyncGenerator<Uint8Array> {
      throw new Error('no such zone');
    }
    await expect(csvStream({ columns: ['a'], body: body() })).rejects.toThrow('no such zone');
  });

  it('pulls a chunk only when the reader asks for one, and a cancelled reader stops the source', async () => {
    let produced = 0;
    let stopped = false;
    async function* body() {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          produced++;
          yield encode(`${i},${'x'.repeat(100)}\n`);
        }
      } finally {
        stopped = true;
      }
    }
    const stream = await csvStream({ columns: ['n', 'pad'], body: body() });
    // The first chunk was read to know the export started; nothing more until the reader asks.
    expect(produced).toBe(1);
    const reader = stream.getReader();
    await reader.read(); // the header
    await reader.read(); // the first chunk
    await reader.read();
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBe(2);
    await reader.cancel();
    expect(stopped).toBe(true);
  });
});
