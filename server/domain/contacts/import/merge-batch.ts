// Writes one batch of an import: its rows go through COPY into a staging table (temporary, emptied at commit) and
// one statement merges them into the organization's contacts and the group — new contacts inserted, rows matching a
// contact by phone or email updating it, repeats of an earlier row of the same file skipped, and rows whose phone
// and email belong to two different contacts refused. Runs inside the caller's transaction on its own connection.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { StagedContact } from './contact-record';

const STAGE_COLUMNS = ['line', 'first_name', 'last_name', 'phone', 'email', 'address', 'custom1', 'custom2', 'custom3', 'description'];

export const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS contact_import_stage (
  line int NOT NULL, first_name text, last_name text, phone text NOT NULL, email citext, address text,
  custom1 text, custom2 text, custom3 text, description text
) ON COMMIT DELETE ROWS`;

// $1 organization, $2 import, $3 group. Every sub-statement sees the same snapshot; the organization's contacts
// lock (taken first by the caller) keeps other writers out until commit.
export const MERGE = `
WITH staged AS (
  SELECT s.*,
    row_number() OVER (PARTITION BY s.phone COLLATE "C" ORDER BY s.line) AS phone_rank,
    -- Grouped as citext compares (lower case), sorted bytewise: only equal addresses need to meet.
    CASE WHEN s.email IS NULL THEN 1 ELSE row_number() OVER (PARTITION BY lower(s.email::text) COLLATE "C" ORDER BY s.line) END AS email_rank
  FROM contact_import_stage s
), firsts AS (
  SELECT * FROM staged WHERE phone_rank = 1 AND email_rank = 1
), matched AS (
  SELECT f.*, bp.id AS by_phone, be.id AS by_email, coalesce(bp."importId", be."importId") AS matched_import
  FROM firsts f
  LEFT JOIN "Contact" bp ON bp."organizationId" = $1::uuid AND bp.phone = f.phone
  LEFT JOIN "Contact" be ON f.email IS NOT NULL AND be."organizationId" = $1::uuid AND be.email = f.email
), targeted AS (
  SELECT m.*, coalesce(m.by_phone, m.by_email) AS target,
    row_number() OVER (PARTITION BY coalesce(m.by_phone, m.by_email) ORDER BY m.line) AS target_rank
  FROM matched m
), classified AS (
  SELECT t.*, CASE
      WHEN t.by_phone IS NOT NULL AND t.by_email IS NOT NULL AND t.by_phone <> t.by_email THEN 'conflict'
      WHEN t.target IS NULL THEN 'insert'
      WHEN t.matched_import = $2::uuid OR t.target_rank > 1 THEN 'repeat'
      ELSE 'update'
    END AS verdict
  FROM targeted t
), inserted AS (
  INSERT INTO "Contact" (id, "organizationId", "firstName", "lastName", phone, email, address, custom1, custom2, custom3, description, "importId")
  SELECT gen_random_uuid(), $1::uuid, first_name, last_name, phone, email, address, custom1, custom2, custom3, description, $2::uuid
  FROM classified WHERE verdict = 'insert'
  RETURNING id
), updated AS (
  UPDATE "Contact" c SET
    "firstName" = coalesce(k.first_name, c."firstName"), "lastName" = coalesce(k.last_name, c."lastName"), phone = k.phone,
    email = coalesce(k.email, c.email), address = coalesce(k.address, c.address), custom1 = coalesce(k.custom1, c.custom1),
    custom2 = coalesce(k.custom2, c.custom2), custom3 = coalesce(k.custom3, c.custom3), description = coalesce(k.description, c.description),
    "importId" = $2::uuid, "updatedAt" = now()
  FROM classified k WHERE k.verdict = 'update' AND c.id = k.target
  RETURNING c.id
), linked AS (
  INSERT INTO "ContactGroupMember" ("groupId", "contactId")
  SELECT $3::uuid, id FROM inserted UNION ALL SELECT $3::uuid, id FROM updated
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM inserted)::int AS imported,
  (SELECT count(*) FROM updated)::int AS updated,
  ((SELECT count(*) FROM staged) - (SELECT count(*) FROM firsts) + (SELECT count(*) FROM classified WHERE verdict = 'repeat'))::int AS repeats,
  (SELECT coalesce(array_agg(line ORDER BY line), '{}') FROM classified WHERE verdict = 'conflict') AS conflicts,
  (SELECT count(*) FROM linked)::int AS linked`;

export type MergeResult = { imported: number; updated: number; repeats: number; conflicts: number[] };

// COPY's text format: backslash, tab, line feed and carriage return escaped; \N is null.
const escapeCopy = (v: string) => (/[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v);

function* copyText(rows: Array<{ line: number; row: StagedContact }>): Generator<string> {
  let chunk = '';
  for (const { line, row } of rows) {
    chunk += String(line);
    for (const v of row) chunk += v === null ? '\t\\N' : `\t${escapeCopy(v)}`;
    chunk += '\n';
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export async function mergeBatch(client: pg.PoolClient, opts: { organizationId: string; importId: string; groupId: string; rows: Array<{ line: number; row: StagedContact }> }): Promise<MergeResult> {
  if (opts.rows.length === 0) return { imported: 0, updated: 0, repeats: 0, conflicts: [] };
  await client.query(CREATE_STAGE);
  await pipeline(Readable.from(copyText(opts.rows)), client.query(copyFrom(`COPY contact_import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`)));
  const { rows } = await client.query<{ imported: number; updated: number; repeats: number; conflicts: number[] }>(MERGE, [opts.organizationId, opts.importId, opts.groupId]);
  const r = rows[0]!;
  return { imported: r.imported, updated: r.updated, repeats: r.repeats, conflicts: r.conflicts };
}
