// sqlTransaction: BEGIN, the statements and COMMIT in one round trip (values written as literals), all or nothing; inlineSql writes every value PostgreSQL reads back exactly as the parameter.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, inlineSql, MAX_PREPARED_TEXTS, sqlRows, sqlTransaction } from './db';
import { Prisma } from './generated/prisma/client';
import { normalizeError } from './errors';

const TRICKY = ["it's", 'back\\slash', "both \\' quotes", 'E\'x\'', '$1 and $2', '-- not a comment', '/* nor this */', "'; DROP TABLE \"User\"; --", 'naïve ünïcödé 🚀', 'line\nbreak\ttab', '', ' '];

describe('inlineSql', () => {
  it('writes strings PostgreSQL reads back unchanged, whatever quotes, backslashes or placeholders they hold', async () => {
    for (const value of TRICKY) {
      const statement = Prisma.sql`SELECT ${value}::text AS v, ${value} = ${value} AS same`;
      const [row] = await sqlRows<{ v: string; same: boolean }>(Prisma.raw(inlineSql(statement)) as Prisma.Sql);
      expect(row).toEqual({ v: value, same: true });
    }
  });

  it('numbers, booleans, dates and null keep their meaning where the statement casts or compares them', async () => {
    const at = new Date('2026-12-07T09:10:11.123Z');
    const statement = Prisma.sql`SELECT ${-5}::int AS n, 1 - ${-5}::int AS minus, ${2.5}::float8 AS f, ${true}::boolean AS b, ${at}::timestamptz AS at, ${null}::uuid AS u, ${12345678901234567890n}::numeric AS big`;
    const [row] = await sqlRows<Record<string, unknown>>(Prisma.raw(inlineSql(statement)) as Prisma.Sql);
    expect(row).toEqual({ n: -5, minus: 6, f: 2.5, b: true, at, u: null, big: '12345678901234567890' });
  });

  it('refuses what it cannot write safely', () => {
    expect(() => inlineSql(Prisma.sql`SELECT ${'a\0b'}`)).toThrow(/NUL/);
    expect(() => inlineSql(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(/finite/);
    expect(() => inlineSql(Prisma.sql`SELECT ${{ a: 1 } as unknown as string}`)).toThrow(/literal/);
    expect(() => inlineSql(Prisma.sql`SELECT ${[1, 2] as unknown as string}`)).toThrow(/literal/);
  });
});

describe('sqlTransaction', () => {
  const org = () => db.organization.create({ data: { name: `Tx ${randomUUID()}`, baseCurrency: 'USD', currencies: [], callToken: randomUUID() } });
  const named = (id: string) => db.organization.findUnique({ where: { id }, select: { name: true } }).then((o) => o?.name);

  it('runs its statements in one transaction and answers each one’s rows', async () => {
    const o = await org();
    const [locked, updated, last] = await sqlTransaction(
      Prisma.sql`SELECT name FROM "Organization" WHERE id = ${o.id}::uuid FOR UPDATE`,
      // Foreign SQL as node-postgres takes it (pg-boss's insert comes so), values written as literals too.
      { text: 'UPDATE "Organization" SET name = name || $1 WHERE id = $2::uuid RETURNING name', values: [" (1's)", o.id] },
      Prisma.sql`UPDATE "Organization" SET name = name || ${' $1 (2)'} WHERE id = ${o.id}::uuid RETURNING name`,
    );
    expect(locked).toEqual([{ name: o.name }]);
    expect(updated).toEqual([{ name: `${o.name} (1's)` }]);
    expect(last).toEqual([{ name: `${o.name} (1's) $1 (2)` }]);
    expect(await named(o.id)).toBe(`${o.name} (1's) $1 (2)`);
  });

  it('writes nothing when a statement fails, and every connection serves the next transactions', async () => {
    const o = await org();
    await expect(sqlTransaction(
      Prisma.sql`UPDATE "Organization" SET name = 'changed' WHERE id = ${o.id}::uuid`,
      Prisma.sql`UPDATE "Organization" SET name = ${null} WHERE id = ${o.id}::uuid`,
    )).rejects.toThrow();
    expect(await named(o.id)).toBe(o.name);
    // More transactions than the pool has connections (10), the same statement text: prepared once per connection.
    const names = await Promise.all(Array.from({ length: 12 }, () => sqlTransaction(Prisma.sql`SELECT name AS n FROM "Organization" WHERE id = ${o.id}::uuid`)));
    expect(names.map(([rows]) => (rows as { n: string }[])[0]!.n)).toEqual(Array(12).fill(o.name));
  });

  it('a lock waited for past the limit rolls back and answers 503', async () => {
    const o = await org();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${o.id}::uuid FOR UPDATE`;
      locked();
      await held;
    });
    await isLocked;
    // The limit is 15 s; this transaction lowers its own.
    const error = await sqlTransaction(
      Prisma.sql`SELECT set_config('lock_timeout', ${'200'}, true)`,
      Prisma.sql`UPDATE "Organization" SET name = 'late' WHERE id = ${o.id}::uuid`,
    ).catch((e: unknown) => e);
    release();
    await holder;
    expect(normalizeError(error)).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(await named(o.id)).toBe(o.name);
  });
});

describe('sqlRows, prepared', () => {
  it('answers as unnamed statements do, and prepares at most MAX_PREPARED_TEXTS texts: more run unnamed', async () => {
    const texts = MAX_PREPARED_TEXTS + 20;
    // One at a time: the pool hands back its most recent connection, so one connection sees every text.
    for (let i = 0; i < texts; i++) {
      const [row] = await sqlRows<{ v: number }>(Prisma.sql`SELECT ${i}::int + ${Prisma.raw(String(i))} AS v`, { prepared: true });
      expect(row!.v).toBe(2 * i);
    }
    // Every connection of the pool (more callers at once than it has) counts what it holds.
    const counts = await Promise.all(
      Array.from({ length: 20 }, () => sqlRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n, pg_sleep(0.05) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + %'`)),
    );
    const most = Math.max(...counts.map(([row]) => row!.n));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(MAX_PREPARED_TEXTS);
  });
});
