// Reads one page of a list and the count of everything its filters match: two statements on two connections at
// once, from one where-clause. One statement with the count as a subquery saved ~0.1 ms of Node per list but ran
// count and page one after the other: with a count over 13,600 sessions it served 25–35 % fewer lists per second at
// four concurrent readers (bench/README.md), so the two run side by side.
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
  /**
   * Both statements named (prepared): each connection parses a text once, and PostgreSQL may keep one generic plan
   * for it (a list's text depends only on which filters and order it has; db.ts bounds how many are kept). Only where
   * measured to pay (bench/README.md, part E): the calls and leads lists went from 2.1–2.3× their hand-written SQL to
   * 1.7–1.9×; the sessions and teams lists got slower (1.2–1.4× → 1.5–1.9×: their generic plans are worse).
   */
  prepared?: boolean;
};

export async function readListPage<Row>(q: ListQuery, page: Page): Promise<{ count: number; rows: Row[] }> {
  const [count, rows] = await Promise.all([
    countList(q),
    sqlRows<Row>(Prisma.sql`
      SELECT ${q.select}
      FROM ${q.from} ${q.joins ?? Prisma.empty}
      WHERE ${q.where}
      ORDER BY ${q.orderBy}
      LIMIT ${page.limit} OFFSET ${page.offset}`, { prepared: q.prepared }),
  ]);
  return { count, rows };
}

export async function countList(q: Pick<ListQuery, 'from' | 'where' | 'prepared'>): Promise<number> {
  const [row] = await sqlRows<{ count: number }>(Prisma.sql`SELECT count(*)::int AS count FROM ${q.from} WHERE ${q.where}`, { prepared: q.prepared });
  return row!.count;
}
