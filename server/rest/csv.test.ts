// The CSV writer: a UTF-8 byte-order mark, a header, quoting, and formula cells defused.
import { describe, expect, it } from 'vitest';
import { csvStream } from './csv';

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('csvStream', () => {
  it('writes a BOM and a header, then each row, defusing formula cells', async () => {
    async function* rows() {
      yield ['=1+1', '+44 20', '-3', '@SUM(A1)', '\tx', '\rx', 'plain, with comma', 'Ünïcødé', null, 42, -7];
    }
    const bytes = await bytesOf(csvStream({ columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'], rows: rows() }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, row] = text.split('\n');
    expect(header).toBe('a,b,c,d,e,f,g,h,i,j,k');
    expect(row).toBe(`'=1+1,'+44 20,'-3,'@SUM(A1),'\tx,"'\rx","plain, with comma",Ünïcødé,,42,-7`);
  });

  it('pulls rows only as they are read (a generator is not drained ahead of the reader)', async () => {
    let produced = 0;
    async function* rows() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield [String(i), 'x'.repeat(100)];
      }
    }
    const reader = csvStream({ columns: ['n', 'pad'], rows: rows() }).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBeLessThan(10_000);
    await reader.cancel();
  });
});
