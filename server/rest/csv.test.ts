// The CSV writer: a UTF-8 byte-order mark, a header, quoting, and formula cells defused.
import { describe, expect, it } from 'vitest';
import { csvStream, neutralizeFormula } from './csv';

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('csvStream', () => {
  it('writes a BOM and a header, then each row, defusing formula cells', async () => {
    async function* batches() {
      yield [['=1+1', '+44 20', '-3', '@SUM(A1)', '\tx', '\rx', 'plain, with comma', 'Ünïcødé', null, 42, -7]];
      yield [['second', 'batch', '', '', '', '', '', '', '', 1, 2]];
    }
    const bytes = await bytesOf(csvStream({ columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'], batches: batches() }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.split('\n')).toEqual(['a,b,c,d,e,f,g,h,i,j,k', `'=1+1,'+44 20,'-3,'@SUM(A1),'\tx,"'\rx","plain, with comma",Ünïcødé,,42,-7`, 'second,batch,,,,,,,,1,2', '']);
  });

  it('exports an E.164 phone number as it is; any other text starting like a formula stays defused', async () => {
    expect(neutralizeFormula('+15125550142')).toBe('+15125550142');
    expect(neutralizeFormula('+442079460958')).toBe('+442079460958');
    for (const formula of ['+1 512 555 0142', '+15125550142;=cmd', '+0123456', '+1', '+1234567890123456', '+15125550142\n', '=HYPERLINK("x")', '-2+3', '@A1']) {
      expect(neutralizeFormula(formula), formula).toBe(`'${formula}`);
    }
    expect(neutralizeFormula(-7)).toBe(-7);
    expect(neutralizeFormula(null)).toBeNull();
    async function* batches() {
      yield [['+15125550142', '=1+1']];
    }
    const text = new TextDecoder().decode(await bytesOf(csvStream({ columns: ['phone', 'note'], batches: batches() })));
    expect(text.split('\n')[1]).toBe(`+15125550142,'=1+1`);
  });

  it('pulls a batch only when the reader asks for one, and a cancelled reader stops the source', async () => {
    let produced = 0;
    let stopped = false;
    async function* batches() {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          produced++;
          yield [[String(i), 'x'.repeat(100)]];
        }
      } finally {
        stopped = true;
      }
    }
    const reader = csvStream({ columns: ['n', 'pad'], batches: batches() }).getReader();
    await reader.read(); // the header
    expect(produced).toBe(0);
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 50));
    // Nothing is read ahead of the reader: two reads, two batches.
    expect(produced).toBe(2);
    await reader.cancel();
    expect(stopped).toBe(true);
  });
});
