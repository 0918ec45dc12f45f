// Reads a large result through a server-side cursor (pg-cursor), one batch each time the reader asks for more: one
// SQL statement, PostgreSQL's pace, and memory bounded by one batch whatever the row count.
import Cursor from 'pg-cursor';
import type { Prisma } from './generated/prisma/client';
import { pgStreamPool } from './pg-pool';

/**
 * Batches of rows (as arrays, in the statement's column order). Stopping early (the reader went away) closes the
 * cursor and returns the connection; an error mid-way discards the connection instead.
 */
export async function* streamedRows<Row extends unknown[]>(query: Prisma.Sql, batchSize = 1000): AsyncGenerator<Row[]> {
  const client = await pgStreamPool().connect();
  const cursor = client.query(new Cursor<Row>(query.text, query.values, { rowMode: 'array' }));
  let failed: Error | undefined;
  try {
    for (;;) {
      const rows = await cursor.read(batchSize);
      if (rows.length === 0) return;
      yield rows;
    }
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    if (!failed) await cursor.close().catch((e: unknown) => (failed = e as Error));
    client.release(failed ?? undefined);
  }
}
