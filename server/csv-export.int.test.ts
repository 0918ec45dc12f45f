// Exports written by PostgreSQL (COPY): every text cell follows the one formula-safety rule (checked against its
// JavaScript statement on arbitrary text), times come out in the zone the date filters read (checked against
// zoneOffsetMinutes, which the filters use, across daylight-saving changes and fixed offsets), and values written
// into the COPY statement cannot end their literal.
import fc from 'fast-check';
import pg from 'pg';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { Prisma } from './generated/prisma/client';
import { csvColumn, csvExport, inlineSql, type CsvColumn } from './csv-export';
import { E164_PHONE, FORMULA_LEADS, formulaSafe } from './csv-formula-safety';
import { zoneOffsetMinutes } from './domain/shared/date-range';
import { exportTimeZone } from './domain/shared/zoned-time';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const connected = client.connect();
afterAll(() => client.end());

/** The CSV an export of these rows writes (rows given as SQL VALUES, ordered by their position). */
async function exportText(rows: Prisma.Sql[], columns: CsvColumn[], timeZone = 'UTC'): Promise<string> {
  const from = Prisma.sql`(VALUES ${Prisma.join(rows.map((r, i) => Prisma.sql`(${i}, ${r})`))}) AS v(pos, x)`;
  const { body } = csvExport({ columns, from, where: Prisma.raw('true'), orderBy: Prisma.raw('pos'), timeZone });
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('formula-safe cells', () => {
  it('quotes every formula lead, keeps E.164 phone numbers as they are, and leaves other text alone', async () => {
    const specimens: Array<[string | null, string]> = [
      ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
      ['@SUM(A1)', `'@SUM(A1)`],
      ['-2+3', `'-2+3`],
      ['+44 20 7946 0958', `'+44 20 7946 0958`],
      ['+1 (512) 555', `'+1 (512) 555`],
      ['+15125550142', '+15125550142'],
      ['+', `'+`],
      ['+1512555014a', `'+1512555014a`],
      ['\tcmd', `'\tcmd`],
      ['\rcmd', `"'\rcmd"`],
      ['＝1+1', `'＝1+1`],
      ['＠x', `'＠x`],
      ['Maya', 'Maya'],
      ['15125550142', '15125550142'],
      ['a=1', 'a=1'],
      ['', ''],
      [null, ''],
    ];
    const text = await exportText(specimens.map(([v]) => Prisma.sql`${v}::text`), [csvColumn('x', 'text', 'x')]);
    expect(text).toBe(specimens.map(([, line]) => `${line}\n`).join(''));
  });

  it('the SQL rule and its JavaScript statement agree on arbitrary text, cell by cell, with csv-stringify quoting', async () => {
    // Text drawn mostly from the characters that matter (leads, digits, quotes, separators), NUL excluded (PostgreSQL
    // text cannot hold it).
    const char = fc.oneof(fc.constantFrom(...FORMULA_LEADS, '+', '0', '7', '"', ',', '\n', ' ', 'a', 'é', '🙂'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
    const cell = fc.string({ unit: char, maxLength: 12 }).filter((s) => !s.includes('\u0000'));
    await connected;
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 40 }), async (cells) => {
        const text = await exportText(cells.map((c) => Prisma.sql`${c}::text`), [csvColumn('x', 'text', 'x')]);
        expect(text).toBe(stringify(cells.map((c) => [formulaSafe(c)])));
      }),
      { numRuns: 60 },
    );
  });

  it('the E.164 exception is exactly "+, then 2 to 15 digits, the first not 0" in both statements of the rule', () => {
    for (const [cell, phone] of [['+15125550142', true], ['+12', true], ['+123456789012345', true], ['+1', false], ['+0123456', false], ['+1234567890123456', false], ['+', false], ['+1 512', false], ['+1-512', false], ['+١٢٣', false], ['+15125550142\n', false]] as const) {
      expect(E164_PHONE.test(cell), cell).toBe(phone);
      expect(formulaSafe(cell) === cell, cell).toBe(phone);
    }
  });
});

describe('times in the requested zone', () => {
  const expected = (at: Date, zone: { tz?: string; timezoneoffset?: number }) => {
    const offset = zone.tz ? zoneOffsetMinutes(zone.tz, at) : -(zone.timezoneoffset ?? 0);
    const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${local}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  };
  const times = (instants: Date[], zone: { tz?: string; timezoneoffset?: number }) =>
    exportText(instants.map((d) => Prisma.sql`${d}::timestamptz`), [csvColumn('t', 'time', 'x')], exportTimeZone(zone));

  it('follows an IANA zone across its daylight-saving change, and reads timezoneoffset as getTimezoneOffset does', async () => {
    const at = new Date('2024-03-10T23:30:15.999Z');
    expect(await times([new Date('2024-03-10T06:59:00Z'), new Date('2024-03-10T07:00:00Z')], { tz: 'America/New_York' })).toBe('2024-03-10T01:59:00-05:00\n2024-03-10T03:00:00-04:00\n');
    expect(await times([at], { tz: 'Asia/Kathmandu' })).toBe('2024-03-11T05:15:15+05:45\n');
    expect(await times([at], { timezoneoffset: -420 })).toBe('2024-03-11T06:30:15+07:00\n');
    expect(await times([at], { timezoneoffset: 330 })).toBe('2024-03-10T18:00:15-05:30\n');
    expect(await times([at], {})).toBe('2024-03-10T23:30:15+00:00\n');
    expect(await exportText([Prisma.sql`NULL::timestamptz`], [csvColumn('t', 'time', 'x')])).toBe('\n');
  });

  it('agrees with the zone the date filters read, for any instant of 1990–2060 in any zone or fixed offset', async () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true });
    const zone = fc.oneof(fc.constantFrom(...zones).map((tz) => ({ tz })), fc.integer({ min: -840, max: 840 }).map((timezoneoffset) => ({ timezoneoffset })));
    await fc.assert(
      fc.asyncProperty(zone, fc.array(instant, { minLength: 1, maxLength: 20 }), async (z, instants) => {
        expect(await times(instants, z)).toBe(instants.map((d) => `${expected(d, z)}\n`).join(''));
      }),
      { numRuns: 150 },
    );
  });
});

describe('values written into a COPY statement', () => {
  it('read back as the same value, whatever quotes and backslashes they hold', async () => {
    await connected;
    const text = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\u0000'));
    const hostile = fc.oneof(text, fc.constantFrom(`'`, `''`, `\\`, `\\'`, `'; DROP TABLE "Call"; --`, `E'\\x41'`, `$1`, `$$`, `\\'); SELECT 1; --`));
    await fc.assert(
      fc.asyncProperty(hostile, fc.integer(), fc.boolean(), async (s, n, b) => {
        const { rows } = await client.query(inlineSql(Prisma.sql`SELECT ${s}::text AS s, ${n}::int AS n, 1::bigint -${n} AS m, ${b}::boolean AS b, ${null}::text AS z`));
        expect(rows[0]).toEqual({ s, n, m: String(1 - n), b, z: null });
      }),
      { numRuns: 200 },
    );
  });

  it('a list cannot be written in (it must be spread with Prisma.join)', () => {
    expect(() => inlineSql(Prisma.sql`SELECT ${['a', 'b']}`)).toThrow(/list/);
  });
});
