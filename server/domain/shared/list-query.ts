// Reads one page of a list and the count of everything its filters match, as one SQL statement: the count is an
// uncorrelated subquery PostgreSQL runs once, and it rides on every row of the page. One round trip and one
// connection per list instead of two (bench/lists.ts); only an empty page past the first needs a second statement.
import { Prisma } from '../../generated/prisma/client';
import { sqlRows } from '../../db';
import type { Page } from './list';

export type ListQuery = {
  /** The page's columns (without SELECT). */
  select: Prisma.Sql;
  /** The table and the joins the filters need; the count reads only these. */
  from: Prisma.Sql;
  /** Joins only the page's columns need (LEFT JOINs that cannot change which rows match). */
  joins?: Prisma.Sql;
  /** Tenant scope and filters (without WHERE). */
  where: Prisma.Sql;
  /** A total order (ending with a unique key), so pages neither repeat nor skip rows. */
  orderBy: Prisma.Sql;
};

export async function readListPage<Row>(q: ListQuery, page: Page): Promise<{ count: number; rows: Row[] }> {
  const rows = await sqlRows<Row & { __count: number }>(Prisma.sql`
    SELECT ${q.select}, (SELECT count(*)::int FROM ${q.from} WHERE ${q.where}) AS "__count"
    FROM ${q.from} ${q.joins ?? Prisma.empty}
    WHERE ${q.where}
    ORDER BY ${q.orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  if (rows.length > 0) return { count: rows[0]!.__count, rows };
  // Nothing on this page: nothing matches at all, or the offset is past the end (then the count is still wanted).
  return { count: page.offset === 0 ? 0 : await countList(q), rows: [] };
}

export async function countList(q: Pick<ListQuery, 'from' | 'where'>): Promise<number> {
  const [row] = await sqlRows<{ count: number }>(Prisma.sql`SELECT count(*)::int AS count FROM ${q.from} WHERE ${q.where}`);
  return row!.count;
}
