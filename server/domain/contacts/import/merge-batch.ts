// Writes one batch of an import: its rows go through COPY into a staging table (temporary, emptied at commit) and
// one statement merges them into the organization's contacts and the group — new contacts inserted, rows matching a
// contact by phone or email updating it, repeats of an earlier row of the same file skipped, and rows whose phone
// and email belong to two different contacts refused. Runs inside the caller's transaction on its own connection.
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CONTACT_FIELDS } from '../contact.schema';
import type { StagedContact } from './contact-record';

const STAGE_COLUMNS = ['line', 'id', 'first_name', 'last_name', 'phone', 'email', 'address', 'custom1', 'custom2', 'custom3', 'description'];

export const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS contact_import_stage (
  line int NOT NULL, id uuid NOT NULL, first_name text, last_name text, phone text NOT NULL, email citext, address text,
  custom1 text, custom2 text, custom3 text, description text
) ON COMMIT DELETE ROWS`;

// $1 organization, $2 import, $3 group. The staged rows hold no repeats of each other (dropRepeats, in Node); each is
// looked up by phone and by email, and only the rows that found a contact are ranked (two rows of a batch may find the
// same one). Every sub-statement sees the same snapshot; the organization's contacts lock (taken first by the caller)
// keeps other writers out until commit.
export const MERGE = `
WITH matched AS (
  SELECT s.*, bp.id AS by_phone, be.id AS by_email, coalesce(bp."importId", be."importId") AS matched_import
  FROM contact_import_stage s
  -- One index probe a row (LIMIT 1 keeps the planner from hashing the organization's whole contacts table instead).
  LEFT JOIN LATERAL (SELECT c.id, c."importId" FROM "Contact" c WHERE c."organizationId" = $1::uuid AND c.phone = s.phone LIMIT 1) bp ON true
  LEFT JOIN LATERAL (SELECT c.id, c."importId" FROM "Contact" c WHERE s.email IS NOT NULL AND c."organizationId" = $1::uuid AND c.email = s.email LIMIT 1) be ON true
), targeted AS (
  SELECT m.line, coalesce(m.by_phone, m.by_email) AS target,
    row_number() OVER (PARTITION BY coalesce(m.by_phone, m.by_email) ORDER BY m.line) AS target_rank
  FROM matched m WHERE m.by_phone IS NOT NULL OR m.by_email IS NOT NULL
), classified AS (
  SELECT m.*, t.target, CASE
      WHEN m.by_phone IS NOT NULL AND m.by_email IS NOT NULL AND m.by_phone <> m.by_email THEN 'conflict'
      WHEN t.target IS NULL THEN 'insert'
      WHEN m.matched_import = $2::uuid OR t.target_rank > 1 THEN 'repeat'
      ELSE 'update'
    END AS verdict
  FROM matched m LEFT JOIN targeted t ON t.line = m.line
), inserted AS (
  INSERT INTO "Contact" (id, "organizationId", "firstName", "lastName", phone, email, address, custom1, custom2, custom3, description, "importId")
  SELECT id, $1::uuid, first_name, last_name, phone, email, address, custom1, custom2, custom3, description, $2::uuid
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
), linked_new AS (
  -- A contact inserted by this statement is in no group yet: no conflict to look for.
  INSERT INTO "ContactGroupMember" ("groupId", "contactId") SELECT $3::uuid, id FROM inserted
  RETURNING 1
), linked AS (
  INSERT INTO "ContactGroupMember" ("groupId", "contactId") SELECT $3::uuid, id FROM updated
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM inserted)::int AS imported,
  (SELECT count(*) FROM updated)::int AS updated,
  (SELECT count(*) FROM classified WHERE verdict = 'repeat')::int AS repeats,
  (SELECT coalesce(array_agg(line ORDER BY line), '{}') FROM classified WHERE verdict = 'conflict') AS conflicts,
  ((SELECT count(*) FROM linked_new) + (SELECT count(*) FROM linked))::int AS linked`;

// The batch as new contacts only, memberships included: what MERGE does when no row finds a contact, without its two
// index probes a row (in a first import, most of the merge's time beyond the inserts themselves). Tried in a
// savepoint: a row whose phone or email a contact already has fails it on that contact's unique index (the
// organization's contacts lock keeps other writers out, and the staged rows hold no repeats of each other), and
// MERGE then writes the batch instead.
export const INSERT_ALL_NEW = `
WITH inserted AS (
  INSERT INTO "Contact" (id, "organizationId", "firstName", "lastName", phone, email, address, custom1, custom2, custom3, description, "importId")
  SELECT id, $1::uuid, first_name, last_name, phone, email, address, custom1, custom2, custom3, description, $2::uuid
  FROM contact_import_stage
  RETURNING id
)
INSERT INTO "ContactGroupMember" ("groupId", "contactId") SELECT $3::uuid, id FROM inserted`;

const UNIQUE_VIOLATION = '23505';

// MERGE's look-ups are planned from "Contact"'s statistics. Batches written by INSERT_ALL_NEW grow the table faster
// than autovacuum samples it, and statistics describing a far smaller table let the planner read the organization's
// contacts through another index for every staged row instead of probing the unique one (seen: a 12,000-row batch
// taking minutes after a 12,000-row import). So MERGE first refreshes them once the rows written since the last
// ANALYZE pass a fifth of the table (autovacuum waits for a tenth plus its nap); without the privilege to ANALYZE
// (owner or MAINTAIN), PostgreSQL skips it with a warning.
const STATISTICS_STALE = `SELECT s.n_mod_since_analyze > 1000 + 0.2 * greatest(c.reltuples, 0) AS stale
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relid = '"Contact"'::regclass`;

export type MergeResult = { imported: number; updated: number; repeats: number; conflicts: number[] };

// COPY's text format: backslash, tab, line feed and carriage return escaped; \N is null.
const escapeCopy = (v: string) => (/[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v);

function* copyText(rows: Array<{ line: number; row: StagedContact }>): Generator<string> {
  let chunk = '';
  for (const { line, row } of rows) {
    // Time-ordered ids: a new contact's index entries (its id, its memberships) land beside the last ones written.
    chunk += `${line}\t${uuidv7()}`;
    for (const v of row) chunk += v === null ? '\t\\N' : `\t${escapeCopy(v)}`;
    chunk += '\n';
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const PHONE = CONTACT_FIELDS.indexOf('phone');
const EMAIL = CONTACT_FIELDS.indexOf('email');

/**
 * A batch without the rows that repeat an earlier row of it: a row whose phone or email an earlier row of the batch
 * (kept or not) already has is a repeat, as the merge counts repeats of earlier batches. Exact, as the database
 * compares: phones are E.164 by now, and the email check admits ASCII addresses only, which citext compares as
 * lower case does here. Done in Node, beside the database's work on the batch before.
 */
export function dropRepeats(rows: Array<{ line: number; row: StagedContact }>): { rows: Array<{ line: number; row: StagedContact }>; repeats: number } {
  const phones = new Set<string>();
  const emails = new Set<string>();
  const kept: Array<{ line: number; row: StagedContact }> = [];
  for (const r of rows) {
    const phone = r.row[PHONE]!;
    const email = r.row[EMAIL]?.toLowerCase() ?? null;
    const seen = phones.has(phone) || (email !== null && emails.has(email));
    phones.add(phone);
    if (email !== null) emails.add(email);
    if (!seen) kept.push(r);
  }
  return { rows: kept, repeats: rows.length - kept.length };
}

let mayReplicate: boolean | undefined;

/**
 * For the merge statement only, the per-row foreign-key triggers off (`session_replication_role = replica`, what
 * pg_restore --disable-triggers does): a third of a batch's time was spent in them (EXPLAIN ANALYZE: 10,000 inserts
 * checked against the organization, the group and the contact one by one). Needs a superuser or the SET privilege on
 * the parameter (PostgreSQL 15+: `GRANT SET ON PARAMETER session_replication_role TO …`); without it the triggers
 * run as usual, slower and just as correct. The contacts and memberships tables have no other triggers.
 */
async function skipRowChecks(client: pg.PoolClient): Promise<boolean> {
  if (mayReplicate === undefined) {
    const { su, version } = (await client.query<{ su: boolean; version: number }>(`SELECT current_setting('is_superuser') = 'on' AS su, current_setting('server_version_num')::int AS version`)).rows[0]!;
    // has_parameter_privilege is PostgreSQL 15's: asked only where it exists.
    mayReplicate = su || (version >= 150_000 && (await client.query<{ may: boolean }>(`SELECT has_parameter_privilege('session_replication_role', 'SET') AS may`)).rows[0]!.may);
  }
  if (mayReplicate) await client.query('SET LOCAL session_replication_role = replica');
  return mayReplicate;
}

/**
 * Writes a batch already passed through dropRepeats, inside the caller's transaction. With `allNew`, the batch is
 * first tried as new contacts only (INSERT_ALL_NEW): the caller's guess, from the batch before, that no row of this
 * one matches a contact; a wrong guess costs the rows inserted before the first match, then MERGE runs. `onWriting` is
 * called once the statement that writes the contacts is sent: the database's long part has begun.
 */
export async function mergeBatch(client: pg.PoolClient, opts: { organizationId: string; importId: string; groupId: string; rows: Array<{ line: number; row: StagedContact }>; allNew?: boolean; onWriting?: () => void }): Promise<MergeResult> {
  if (opts.rows.length === 0) {
    opts.onWriting?.();
    return { imported: 0, updated: 0, repeats: 0, conflicts: [] };
  }
  await client.query(CREATE_STAGE);
  await pipeline(Readable.from(copyText(opts.rows)), client.query(copyFrom(`COPY contact_import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`)));
  // The merge's foreign keys, checked once for the batch instead of once a row: the organization and the group are
  // locked as the per-row checks would lock them (FOR KEY SHARE: neither can be deleted before this commits), and
  // every contact a membership names is one this statement inserted or updated (and so holds locked).
  const { rowCount } = await client.query(
    `SELECT 1 FROM "Organization" o JOIN "ContactGroup" g ON g."organizationId" = o.id WHERE o.id = $1::uuid AND g.id = $2::uuid FOR KEY SHARE OF o, g`,
    [opts.organizationId, opts.groupId],
  );
  if (rowCount !== 1) throw new Error('the group was deleted during the import');
  const skipped = await skipRowChecks(client);
  const params = [opts.organizationId, opts.importId, opts.groupId];
  if (opts.allNew) {
    await client.query('SAVEPOINT all_new');
    try {
      const inserting = client.query(INSERT_ALL_NEW, params);
      opts.onWriting?.();
      await inserting;
      await client.query('RELEASE SAVEPOINT all_new');
      if (skipped) await client.query('SET LOCAL session_replication_role = origin');
      return { imported: opts.rows.length, updated: 0, repeats: 0, conflicts: [] };
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      // The rows it wrote are undone; the stage and the settings made before the savepoint stay.
      await client.query('ROLLBACK TO SAVEPOINT all_new');
    }
  }
  if ((await client.query<{ stale: boolean }>(STATISTICS_STALE)).rows[0]?.stale) await client.query('ANALYZE "Contact"');
  const merging = client.query<{ imported: number; updated: number; repeats: number; conflicts: number[] }>(MERGE, params);
  opts.onWriting?.();
  const { rows } = await merging;
  if (skipped) await client.query('SET LOCAL session_replication_role = origin');
  const r = rows[0]!;
  return { imported: r.imported, updated: r.updated, repeats: r.repeats, conflicts: r.conflicts };
}
