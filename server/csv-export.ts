// CSV exports written by PostgreSQL: one `COPY (SELECT …) TO STDOUT (FORMAT csv)` whose SELECT already formats every
// cell — times in the caller's zone, text made formula-safe (csv-formula-safety.ts) — so its bytes go to the client
// as they arrive, without becoming JavaScript values on the way (bench/calls-list.ts: near COPY's own rate).
// Pull-based end to end: the next chunk is read from the socket only when the client has taken the last, so a slow
// reader slows PostgreSQL instead of filling memory.
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Prisma } from './generated/prisma/client';
import { AppError } from './errors';
import { formulaSafeSql, type CsvCell } from './csv-formula-safety';
import { pgStreamPool } from './pg-pool';

/**
 * How a column's cells are written: `text` (anything a person typed, or a value that could start with a formula lead)
 * made formula-safe; `time` (timestamptz) as local ISO 8601 with its offset, e.g. 2024-03-11T06:30:00+07:00; `plain`
 * as PostgreSQL prints it, for what the product itself generates — ids, enum values, numbers — none of which can
 * start with a formula lead (negative numbers are numbers, as csv-stringify left them too).
 */
export type CsvColumn = { header: string; sql: Prisma.Sql; as: 'text' | 'time' | 'plain' };

/** A column over trusted SQL text (column names and expressions of the export, never a request's values). */
export const csvColumn = (header: string, as: CsvColumn['as'], sql: string): CsvColumn => ({ header, as, sql: Prisma.raw(sql) });

/**
 * What a domain export returns: the header row and either the rows' CSV bytes (without a header), as PostgreSQL wrote
 * them through csvExport, or batches of cells built in JavaScript, which the writer quotes and makes formula-safe.
 */
export type CsvExport = CsvBytes | { columns: string[]; batches: AsyncIterable<CsvCell[][]> };
type CsvBytes = { columns: string[]; body: AsyncIterable<Uint8Array> };

/** A timestamptz in the session's zone (set per export), to the second, with the zone's offset at that instant. */
const localTime = (t: Prisma.Sql) => Prisma.sql`to_char(${t}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')`;

export function csvExport(opts: { columns: CsvColumn[]; from: Prisma.Sql; where: Prisma.Sql; orderBy: Prisma.Sql; timeZone: string }): CsvBytes {
  const cells = opts.columns.map((c) => (c.as === 'text' ? formulaSafeSql(c.sql) : c.as === 'time' ? localTime(c.sql) : c.sql));
  const select = Prisma.sql`SELECT ${Prisma.join(cells)} FROM ${opts.from} WHERE ${opts.where} ORDER BY ${opts.orderBy}`;
  return { columns: opts.columns.map((c) => c.header), body: copyCsv(select, opts.timeZone) };
}

/**
 * Streams the rows of `select` as CSV from one connection of the export pool, in a read-only transaction whose
 * TimeZone is `timeZone` (an IANA name or a POSIX offset such as <+0700>-07:00). Stopping early (the client went
 * away) discards the connection, which ends the COPY on the server.
 */
async function* copyCsv(select: Prisma.Sql, timeZone: string): AsyncGenerator<Uint8Array> {
  const client = await pgStreamPool().connect();
  let finished = false;
  let failure: Error | undefined;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SELECT set_config('TimeZone', $1, true)`, [timeZone]).catch((e: unknown) => {
      // The zone was checked against Intl's database; PostgreSQL's (tzdata of its own build) knows every one of them
      // today, but a skew between the two should read as what it is.
      if ((e as { code?: string }).code === '22023') throw new AppError('validation_failed', { message: `tz: the database does not know the time zone ${timeZone}`, errors: [{ path: 'tz', message: 'is not known to the database' }] });
      throw e;
    });
    yield* client.query(copyTo(`COPY (${inlineSql(select)}) TO STDOUT WITH (FORMAT csv)`));
    await client.query('COMMIT');
    finished = true;
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A COPY left part-way (the reader stopped, or it failed) cannot be resumed on this connection: drop it.
    client.release(finished ? undefined : (failure ?? new Error('CSV export stopped before its end')));
  }
}

/**
 * The statement with its values written in as SQL literals: COPY takes no bind parameters. Values are the filters
 * the domain built into Prisma.sql (strings, numbers, booleans, dates, null); strings go through node-postgres's
 * escapeLiteral, so no value can end its literal.
 */
export function inlineSql(query: Prisma.Sql): string {
  return query.strings.reduce((sql, text, i) => (i === 0 ? text : `${sql}${literal(query.values[i - 1])}${text}`), '');
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  // Parenthesized when negative: `x -${n}` must not become the comment `x --5`, nor `-5::int` mean -(5::int).
  if (typeof value === 'number' && Number.isFinite(value)) return value < 0 ? `(${value})` : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date && !Number.isNaN(value.getTime())) return pg.escapeLiteral(value.toISOString());
  throw new TypeError(`A ${Array.isArray(value) ? 'list' : typeof value} cannot be written into a COPY statement; use Prisma.join`);
}
