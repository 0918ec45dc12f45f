// The case-insensitive-usernames migration refuses to run while usernames clash by case, naming the accounts, and
// changes nothing; once they are resolved it makes the unique index case-insensitive.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsDir } from './migrations.ts';

const sql = (name: string) => readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
const MIGRATION = '20261202010000_case_insensitive_usernames';
const database = `pitchcraft_migration_${process.pid}`;
const serverUrl = new URL(inject('databaseUrl'));
const admin = new pg.Client({ connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString() });
const client = new pg.Client({ connectionString: Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString() });

beforeAll(async () => {
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await client.connect();
  // The schema as it was before this migration: every earlier one, in order.
  for (const name of readdirSync(migrationsDir).filter((n) => /^\d{14}_/.test(n) && n < MIGRATION).sort()) await client.query(sql(name));
});

afterAll(async () => {
  await client.end();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
});

const addUser = (username: string, email: string, createdAt: string) =>
  client.query(`insert into "User" (id, email, username, "passwordHash", "firstName", "lastName", "createdAt", "updatedAt") values (gen_random_uuid(), $1, $2, 'x', 'F', 'L', $3, now()) returning id`, [email, username, createdAt]);

describe(`migration ${MIGRATION}`, () => {
  it('stops with a message naming every clash, and changes nothing', async () => {
    const ada = (await addUser('Ada', 'ada1@x.test', '2024-01-01')).rows[0].id;
    const ada2 = (await addUser('ada', 'ada2@x.test', '2024-02-01')).rows[0].id;
    await addUser('bob', 'bob@x.test', '2024-01-01');
    const failure = await client.query(sql(MIGRATION)).then(() => null, (e: Error & { hint?: string }) => e);
    expect(failure?.message).toBe(`Usernames must become unique regardless of case, but these accounts share one: Ada (${ada}), ada (${ada2})`);
    expect(failure?.hint).toMatch(/UPDATE "User" SET "username" = NULL/);
    const type = await client.query(`select data_type from information_schema.columns where table_name = 'User' and column_name = 'username'`);
    expect(type.rows[0].data_type).toBe('text');
  });

  it('once resolved, applies and makes the index refuse case-only duplicates', async () => {
    await client.query(`update "User" set username = null where email = 'ada2@x.test'`);
    await client.query(sql(MIGRATION));
    await expect(addUser('BOB', 'bob2@x.test', '2024-03-01')).rejects.toMatchObject({ code: '23505' });
    expect((await client.query(`select email from "User" where username = 'ADA'`)).rows).toEqual([{ email: 'ada1@x.test' }]);
  });
});
