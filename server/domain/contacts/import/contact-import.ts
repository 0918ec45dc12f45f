// CSV imports into a group, from a REST upload or the browser's mapping step. The file is streamed into the media
// store first; a file of up to 10,000 rows is then imported in the request (one transaction: all or nothing) and
// answered with its report, a larger one by the contacts.import job, batch by batch. Each batch is one transaction:
// COPY, one merge statement, its errors and the import's counters — so a job killed at any instant resumes after
// the last committed batch, and no row is written twice. No row cap.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type pg from 'pg';
import { requirePermission, type Ctx, type OrgCtx } from '../../../context';
import { db } from '../../../db';
import { AppError } from '../../../errors';
import type { JobContext } from '../../../jobs/job-context';
import { enqueue } from '../../../jobs/enqueue';
import { backendFor } from '../../../media/backends';
import { attachMedia, deleteMedia, discard, saveMedia } from '../../../media/save-media';
import { pgStreamPool } from '../../../pg-pool';
import { publishEvent } from '../../../realtime/publish-event';
import { Prisma } from '../../../generated/prisma/client';
import { readCsv, UNCLOSED_QUOTE, type CsvBatch, type CsvRecord } from '../../../csv/read-csv';
import { CONTACTS_LOCK_SQL, defaultCountryOf } from '../contact-rules';
import { findGroup } from '../manage-groups';
import { autoMapping, resolveMapping, type ColumnMapping } from './column-mapping';
import { contactRecordReader, type StagedContact } from './contact-record';
import { importQuery, INLINE_IMPORT_ROWS, startImportInput, type ImportReportDto } from './import.schema';
import { dropRepeats, mergeBatch } from './merge-batch';
import { toImportDto } from './read-imports';

/** Rows per batch of the job: large enough that COPY and the merge dominate, small enough to resume quickly. */
export const JOB_BATCH_ROWS = 10_000;

export type CsvUpload = { contentType: string | null; filename: string | null; stream: AsyncIterable<Uint8Array> };
export type ImportStart = { kind: 'report'; importId: string; report: ImportReportDto } | { kind: 'accepted'; importId: string };

type MediaRef = { id: string; storage: string; chunkSize: number; size: number };
type ImportPlan = { organizationId: string; importId: string; groupId: string; mapping: ColumnMapping; country: string };

const readMedia = (m: MediaRef): AsyncIterable<Uint8Array> => (m.size === 0 ? (async function* () {})() : backendFor(m.storage).read(m, 0, m.size - 1));
const uploaderOf = (ctx: OrgCtx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** REST `columns=firstName,,phone` as a list (empty entries leave a column out). */
export function parseColumnsParam(query: Record<string, string>): string[] | undefined {
  const { columns } = importQuery.parse(query);
  return columns === undefined ? undefined : columns.split(',').map((c) => c.trim());
}

/** POST /groups/{id}/csv: the upload is stored as it arrives (50 MB at most), then imported. */
export async function importCsvUpload(opts: { ctx: Ctx; groupId: string; file: CsvUpload; columns?: string[] }): Promise<ImportStart> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  await findGroup(ctx, opts.groupId);
  const saved = await saveMedia({ organizationId: ctx.organizationId, createdById: uploaderOf(ctx), kind: 'csv', declaredType: opts.file.contentType, body: opts.file.stream });
  const media = await db.media.findUniqueOrThrow({ where: { id: saved.id }, select: { id: true, storage: true, chunkSize: true, size: true } });
  return importStoredFile({ ctx, groupId: opts.groupId, media, fileName: opts.file.filename, columns: opts.columns });
}

/** The browser's path: the file was uploaded first (PUT /api/uploads/csv) and previewed; this starts its import. */
export async function startImport(opts: { ctx: Ctx; input: unknown }): Promise<ImportStart> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const input = startImportInput.parse(opts.input);
  await findGroup(ctx, input.groupId);
  const media = await pendingUpload(ctx, input.uploadId);
  return importStoredFile({ ctx, groupId: input.groupId, media, fileName: input.fileName ?? null, columns: input.columns });
}

/** SECURITY: only the caller's own finished CSV upload, not yet used for anything. */
async function pendingUpload(ctx: OrgCtx, uploadId: string): Promise<MediaRef> {
  const media = await db.media.findFirst({
    where: { id: uploadId, kind: 'csv', status: 'pending', completedAt: { not: null }, createdById: uploaderOf(ctx), organizationId: ctx.organizationId },
    select: { id: true, storage: true, chunkSize: true, size: true },
  });
  if (!media) throw new AppError('not_found', { message: 'Upload not found: it may have expired (uploads are kept for an hour); choose the file again' });
  return media;
}

/** The first rows of an uploaded file with the mapping its headers suggest, for the browser's mapping step. */
export async function previewImport(opts: { ctx: Ctx; uploadId: string }) {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const media = await pendingUpload(ctx, opts.uploadId);
  const { records } = await readHead(media, 6);
  const header = headerOf(records);
  return { columns: header, mapping: autoMapping(header), rows: records.slice(1, 6).map((r) => r.cells) };
}

/** Records from the start of the file until more than `limit` are read (or the file ends). */
async function readHead(media: MediaRef, limit: number): Promise<{ records: CsvRecord[]; batches: CsvBatch[]; complete: boolean }> {
  const batches: CsvBatch[] = [];
  const records: CsvRecord[] = [];
  let count = 0;
  let complete = true;
  for await (const batch of readCsv(readMedia(media), { batchSize: Math.min(limit + 1, 5000) })) {
    batches.push(batch);
    records.push(...batch.records);
    count += batch.records.length + batch.problems.length;
    // A header with an unclosed quote: nothing after it can be read.
    if (count === batch.problems.length && batch.problems[0]?.line === 1) throw new AppError('validation_failed', { message: `Line 1: ${UNCLOSED_QUOTE}`, errors: [{ path: 'file', message: UNCLOSED_QUOTE }] });
    if (count > limit) {
      complete = false;
      break;
    }
  }
  return { records, batches, complete };
}

function headerOf(records: CsvRecord[]): string[] {
  const first = records[0];
  if (!first || first.line !== 1 || first.cells.every((c) => c.trim() === '')) {
    throw new AppError('validation_failed', { message: 'The file has no header row: its first line must name the columns (First name, Phone, …)', errors: [{ path: 'file', message: 'no header row' }] });
  }
  return first.cells.map((c) => c.trim());
}

async function importStoredFile(opts: { ctx: OrgCtx; groupId: string; media: MediaRef; fileName: string | null; columns?: ReadonlyArray<string | null> }): Promise<ImportStart> {
  const { ctx, media } = opts;
  try {
    const head = await readHead(media, INLINE_IMPORT_ROWS + 1);
    const header = headerOf(head.records);
    const mapping = resolveMapping(header, opts.columns);
    if (head.records.length + head.batches.reduce((n, b) => n + b.problems.length, 0) <= 1) {
      throw new AppError('validation_failed', { message: 'The file has a header but no rows to import', errors: [{ path: 'file', message: 'no rows' }] });
    }
    const plan: ImportPlan = { organizationId: ctx.organizationId, importId: randomUUID(), groupId: opts.groupId, mapping, country: await defaultCountryOf(ctx.organizationId) };
    const common = { id: plan.importId, organizationId: ctx.organizationId, groupId: opts.groupId, createdById: uploaderOf(ctx), fileName: opts.fileName, columns: header, mapping: mapping as Prisma.InputJsonValue, bytesTotal: media.size };

    if (head.complete) {
      // Small: everything in this one transaction, created already complete.
      const batch: CsvBatch = { records: head.batches.flatMap((b) => b.records).filter((r) => r.line !== 1), problems: head.batches.flatMap((b) => b.problems), bytesRead: media.size };
      const counts = await writeBatch(plan, await prepareBatch(plan, batch), { expectedRecordsDone: 0, create: common, allNew: true });
      await discard(media.id);
      const row = await db.contactImport.findUniqueOrThrow({ where: { id: plan.importId }, include: { errors: { orderBy: { line: 'asc' }, take: INLINE_IMPORT_ROWS + 1 } } });
      if (!counts) throw new AppError('internal');
      return { kind: 'report', importId: plan.importId, report: toImportDto(row, row.errors).report };
    }

    await db.$transaction(async (tx) => {
      await tx.contactImport.create({ data: { ...common, mediaId: media.id, status: 'queued' } });
      await attachMedia(tx, { mediaId: media.id, kind: 'csv', uploadedBy: uploaderOf(ctx) });
      await enqueue(tx, 'contacts.import', { importId: plan.importId, organizationId: ctx.organizationId });
    });
    return { kind: 'accepted', importId: plan.importId };
  } catch (error) {
    await discard(media.id);
    throw error;
  }
}

type ImportRow = { recordsDone: number; bytesDone: number; imported: number; updated: number; skipped: number; errorCount: number; status: string };

type PreparedBatch = {
  records: number;
  bytesRead: number;
  rows: Array<{ line: number; row: StagedContact }>;
  errors: Array<{ line: number; message: string; cells: string[] }>;
  /** The batch's records in line order, for the cells of a row the merge refuses. */
  source: CsvRecord[];
  blanks: number;
  repeats: number;
};

/** Records checked between two turns of the event loop: a few milliseconds of work. */
const CHECKS_PER_TURN = 500;

/**
 * The Node half of a batch (validation, phones to E.164, repeats within it): done while the database writes the batch
 * before it. With `yieldEvery`, it lets the event loop turn every so many records: the job runs in the web server's
 * process, whose requests would otherwise wait for a whole batch to be checked (~150 ms for 10,000 records), and the
 * statements of the batch being written go on meanwhile.
 */
async function prepareBatch(plan: ImportPlan, batch: CsvBatch, opts: { read?: ReturnType<typeof contactRecordReader>; yieldEvery?: number } = {}): Promise<PreparedBatch> {
  const read = opts.read ?? contactRecordReader(plan.mapping, plan.country);
  const rows: PreparedBatch['rows'] = [];
  const errors: PreparedBatch['errors'] = batch.problems.map((p) => ({ line: p.line, message: p.message, cells: p.cells }));
  let blanks = 0;
  let untilYield = opts.yieldEvery ?? Infinity;
  for (const record of batch.records) {
    if (--untilYield <= 0) {
      await nextTurn();
      untilYield = opts.yieldEvery!;
    }
    const verdict = read(record.cells);
    if (verdict.kind === 'row') rows.push({ line: record.line, row: verdict.row });
    else if (verdict.kind === 'blank') blanks++;
    else errors.push({ line: record.line, message: verdict.message, cells: record.cells });
  }
  const distinct = dropRepeats(rows);
  return { records: batch.records.length + batch.problems.length, bytesRead: batch.bytesRead, rows: distinct.rows, errors, source: batch.records, blanks, repeats: distinct.repeats };
}

/** The cells of the record on `line` (records are in line order). */
function cellsOn(records: CsvRecord[], line: number): string[] {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = records[mid]!.line;
    if (at === line) return records[mid]!.cells;
    if (at < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

type WrittenBatch = ImportRow & { /** No row of the batch matched a contact: the next is likely all new as well. */ allNew: boolean };

/**
 * One batch in one transaction on a connection of its own (COPY needs it): the contacts lock, the merge, the batch's
 * errors, the counters — only if the import stands where this reader thinks it does (another worker may have moved
 * it on; then nothing is written and null is returned) — and a progress event. `onWriting` is called once
 * the statement that writes the contacts is sent.
 */
async function writeBatch(
  plan: ImportPlan,
  batch: PreparedBatch,
  opts: { expectedRecordsDone: number; create?: Record<string, unknown>; allNew?: boolean; onWriting?: () => void },
): Promise<WrittenBatch | null> {
  const { rows, source, blanks, records } = batch;
  const errors = [...batch.errors];
  const client = await pgStreamPool().connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    if (opts.create) await insertImport(client, opts.create, batch.bytesRead);
    await client.query(CONTACTS_LOCK_SQL, [plan.organizationId]);
    const merged = await mergeBatch(client, { organizationId: plan.organizationId, importId: plan.importId, groupId: plan.groupId, rows, allNew: opts.allNew, onWriting: opts.onWriting });
    for (const line of merged.conflicts) errors.push({ line, message: 'Its phone number belongs to one contact and its email address to another: change one of them', cells: cellsOn(source, line) });
    if (errors.length > 0) {
      await client.query(
        `INSERT INTO "ContactImportError" ("importId", line, message, "values") SELECT $1::uuid, * FROM unnest($2::int[], $3::text[], $4::jsonb[]) ON CONFLICT DO NOTHING`,
        [plan.importId, errors.map((e) => e.line), errors.map((e) => e.message), errors.map((e) => JSON.stringify(e.cells))],
      );
    }
    const { rows: updated } = await client.query<ImportRow>(
      `UPDATE "ContactImport" SET "recordsDone" = "recordsDone" + $3, "bytesDone" = $4, imported = imported + $5, updated = updated + $6,
         skipped = skipped + $7, "errorCount" = "errorCount" + $8
       WHERE id = $1::uuid AND "recordsDone" = $2 AND status IN ('queued', 'running', 'completed')
       RETURNING "recordsDone", "bytesDone", imported, updated, skipped, "errorCount", status::text`,
      [plan.importId, opts.expectedRecordsDone, records, batch.bytesRead, merged.imported, merged.updated, merged.repeats + batch.repeats + blanks, errors.length],
    );
    const row = updated[0];
    if (!row) {
      await client.query('ROLLBACK');
      return null;
    }
    await publishEvent(queryRawOf(client), progressEvent(plan, row));
    await client.query('COMMIT');
    return { ...row, allNew: merged.imported === rows.length };
  } catch (error) {
    broken = error as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}

async function insertImport(client: pg.PoolClient, data: Record<string, unknown>, bytesDone: number) {
  await client.query(
    `INSERT INTO "ContactImport" (id, "organizationId", "groupId", "createdById", "fileName", status, columns, mapping, "bytesTotal", "bytesDone", "startedAt", "completedAt")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, 'completed', $6::text[], $7::jsonb, $8, $9, now(), now())`,
    [data.id, data.organizationId, data.groupId, data.createdById, data.fileName, data.columns, JSON.stringify(data.mapping), data.bytesTotal, bytesDone],
  );
}

/** publishEvent's one statement, run on the batch's own connection (inside its transaction). */
function queryRawOf(client: pg.PoolClient) {
  return {
    $queryRaw: (async (strings: TemplateStringsArray, ...values: unknown[]) => {
      const sql = Prisma.sql(strings, ...(values as Prisma.Sql[]));
      return (await client.query(sql.text, sql.values)).rows;
    }) as never,
  };
}

function progressEvent(plan: { organizationId: string; importId: string; groupId: string }, row: ImportRow & { bytesTotal?: number }) {
  return {
    organizationId: plan.organizationId,
    type: 'import.progress',
    payload: { importId: plan.importId, groupId: plan.groupId, status: row.status, rowsDone: row.recordsDone, bytesDone: row.bytesDone, imported: row.imported, updated: row.updated, skipped: row.skipped, errorCount: row.errorCount },
    // SECURITY: whoever may read the import over REST (contacts:read), and only them.
    audience: { permission: 'contacts:read', subject: `import:${plan.importId}` },
  };
}

/** The contacts.import job: resumes after the records already merged, batch by batch, then completes the import. */
export async function runContactImport(importId: string, job: JobContext): Promise<void> {
  const imp = await db.contactImport.findUnique({ where: { id: importId } });
  if (!imp || imp.status === 'completed' || imp.status === 'failed') return;
  try {
    if (imp.status === 'queued') await db.contactImport.updateMany({ where: { id: imp.id, status: 'queued' }, data: { status: 'running', startedAt: new Date() } });
    const media = imp.mediaId ? await db.media.findUnique({ where: { id: imp.mediaId }, select: { id: true, storage: true, chunkSize: true, size: true } }) : null;
    if (!media) return await failImport(imp, 'The uploaded file is no longer stored; import it again');
    const plan: ImportPlan = { organizationId: imp.organizationId, importId: imp.id, groupId: imp.groupId, mapping: imp.mapping as ColumnMapping, country: await defaultCountryOf(imp.organizationId) };
    let done = imp.recordsDone;
    const read = contactRecordReader(plan.mapping, plan.country);
    // Two halves in step: while PostgreSQL writes one batch, this process reads and checks the next. The batch's
    // statements before the write (each a round trip on this thread) go first; the checks then let the event loop
    // turn now and then, so the statements after it (errors, counters, commit) need not wait for the whole batch.
    let writing: Promise<WrittenBatch | null> | null = null;
    // A first import's batches are all new contacts, a re-import's all matches: each batch guesses from the one before.
    let allNew = true;
    const settle = async () => {
      const row = writing ? await writing : undefined;
      writing = null;
      if (row === null) return false;
      if (row) ({ recordsDone: done, allNew } = row);
      return true;
    };
    // Record 0 is the header; the records already merged are parsed again but not written.
    for await (const batch of readCsv(readMedia(media), { batchSize: JOB_BATCH_ROWS, skipRecords: 1 + done })) {
      if (job.signal.aborted) throw new Error('the worker is stopping; the import resumes where it stopped');
      if (batch.records.length + batch.problems.length === 0) continue;
      const prepared = await prepareBatch(plan, batch, { read, yieldEvery: CHECKS_PER_TURN });
      // Another worker moved this import on (this one was thought dead): it finishes the job.
      if (!(await settle())) return;
      let writingStarted!: () => void;
      const started = new Promise<void>((resolve) => (writingStarted = resolve));
      writing = writeBatch(plan, prepared, { expectedRecordsDone: done, allNew, onWriting: () => writingStarted() });
      // Awaited by settle(); until then a failure must not count as unhandled (reading may fail first).
      writing.catch(() => undefined);
      await Promise.race([started, writing.then(() => undefined, () => undefined)]);
    }
    if (!(await settle())) return;
    await finishImport(plan, media);
  } catch (error) {
    if (job.retryCount >= job.retryLimit) await failImport(imp, `The import stopped: ${(error as Error).message}`);
    throw error;
  }
}

async function finishImport(plan: ImportPlan, media: MediaRef): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.contactImport.updateMany({ where: { id: plan.importId, status: { in: ['queued', 'running'] } }, data: { status: 'completed', completedAt: new Date(), mediaId: null, bytesDone: media.size } });
    if (count === 0) return;
    await deleteMedia(tx, media.id);
    const row = await tx.contactImport.findUniqueOrThrow({ where: { id: plan.importId } });
    await publishEvent(tx, progressEvent(plan, row));
  });
}

async function failImport(imp: { id: string; organizationId: string; groupId: string }, failure: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.contactImport.updateMany({ where: { id: imp.id, status: { in: ['queued', 'running'] } }, data: { status: 'failed', failure, completedAt: new Date() } });
    if (count === 0) return;
    const row = await tx.contactImport.findUniqueOrThrow({ where: { id: imp.id } });
    await publishEvent(tx, progressEvent({ organizationId: imp.organizationId, importId: imp.id, groupId: imp.groupId }, row));
  });
}
