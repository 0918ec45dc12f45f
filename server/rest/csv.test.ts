// The CSV download: a UTF-8 byte-order mark and a header, then the export's rows — bytes PostgreSQL wrote, as they
// were written, or cells built in JavaScript, quoted and formula-safe; pulled as the client reads (a bounded way
// ahead); an export that fails before its first rows fails the request, not the download.
import { describe, expect, it } from 'vitest';
import { csvStream, neutralizeFormula } from './csv';

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

  it('writes cells built in JavaScript batch by batch, defusing formula cells (headers too)', async () => {
    async function* batches() {
      yield [['=1+1', '+44 20', '-3', '@SUM(A1)', '\tx', '\rx', 'plain, with comma', 'Ünïcødé', null, 42, -7]];
      yield [['second', 'batch', '', '', '', '', '', '', '', 1, 2]];
    }
    const bytes = await bytesOf(await csvStream({ columns: ['=a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'], batches: batches() }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.split('\n')).toEqual(["'=a,b,c,d,e,f,g,h,i,j,k", `'=1+1,'+44 20,'-3,'@SUM(A1),'\tx,"'\rx","plain, with comma",Ünïcødé,,42,-7`, 'second,batch,,,,,,,,1,2', '']);
  });

  it('exports an E.164 phone number as it is; any other text starting like a formula stays defused', async () => {
    expect(neutralizeFormula('+15125550142')).toBe('+15125550142');
    expect(neutralizeFormula('+442079460958')).toBe('+442079460958');
    for (const formula of ['+1 512 555 0142', '+15125550142;=cmd', '+0123456', '+1', '+1234567890123456', '+15125550142\n', '=HYPERLINK("x")', '-2+3', '@A1', '＝1+1']) {
      expect(neutralizeFormula(formula), formula).toBe(`'${formula}`);
    }
    expect(neutralizeFormula(-7)).toBe(-7);
    expect(neutralizeFormula(null)).toBeNull();
    async function* batches() {
      yield [['+15125550142', '=1+1']];
    }
    const text = new TextDecoder().decode(await bytesOf(await csvStream({ columns: ['phone', 'note'], batches: batches() })));
    expect(text.split('\n')[1]).toBe(`+15125550142,'=1+1`);
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
