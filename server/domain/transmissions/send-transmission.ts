// Sending a transmission: each send or retry is a spool (one attempt) created with its delivery job in the same
// transaction, so an attempt exists if and only if its job does. Schedules fire by a job at `at` (never before: the
// job checks the database clock) and only while still scheduled, so a cancelled one never sends.
import { randomUUID } from 'node:crypto';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, sqlTransaction, type Tx } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { conflict, notFound, validationFailed } from '../../errors';
import { enqueue, jobStatement, jobsStatement } from '../../jobs/enqueue';
import { eventStatement, eventsStatement, publishEvent, writesStatement } from '../../realtime/publish-event';
import { isUuid } from '../shared/ids';
import { findTransmission } from './manage-transmissions';
import { scheduleInput } from './transmission.schema';

type TransmissionRow = Awaited<ReturnType<typeof findTransmission>>;

export const transmissionEvent = (t: { id: string; organizationId: string }, status: string, extra: Record<string, string | null> = {}) =>
  ({ organizationId: t.organizationId, type: 'transmission.updated', payload: { id: t.id, status, ...extra }, audience: { permission: 'transmissions:read', subject: `transmission:${t.id}` } });

export const announceTransmission = (tx: Pick<Tx, '$queryRaw'>, t: { id: string; organizationId: string }, status: string, extra: Record<string, string | null> = {}, writes: Prisma.Sql[] = []) =>
  publishEvent(tx, transmissionEvent(t, status, extra), writes);

/**
 * A new attempt's ONE statement (the event's, data-modifying CTEs ahead of it): the spool, the transmission marked
 * processing and, for a send or retry by hand, its pending schedules cancelled. Runs after the attempt's delivery job
 * was enqueued, in the transaction that holds the transmission's row lock.
 */
function attemptStatement(t: { id: string; organizationId: string }, spoolId: string, opts: { cancelSchedules: boolean }): Prisma.Sql {
  return eventStatement(transmissionEvent(t, 'processing', { spoolId }), attemptWrites(t, spoolId, opts));
}

const attemptWrites = (t: { id: string; organizationId: string }, spoolId: string, opts: { cancelSchedules: boolean }) => [
  ...(opts.cancelSchedules ? [Prisma.sql`schedules_cancelled AS (UPDATE "TransmissionSchedule" SET status = 'cancelled' WHERE "transmissionId" = ${t.id}::uuid AND status = 'scheduled')`] : []),
  Prisma.sql`spool_created AS (INSERT INTO "Spool" (id, "organizationId", "transmissionId") VALUES (${spoolId}::uuid, ${t.organizationId}::uuid, ${t.id}::uuid))`,
  Prisma.sql`transmission_processing AS (UPDATE "Transmission" SET status = 'processing', "statusReason" = NULL, "updatedAt" = now() WHERE id = ${t.id}::uuid)`,
];

/** A new attempt in the caller's transaction, which holds the transmission's row lock: its delivery job, then its statement. */
export async function startAttempt(tx: Tx, t: Pick<TransmissionRow, 'id' | 'organizationId'>, opts: { cancelSchedules: boolean }): Promise<string> {
  const spoolId = randomUUID();
  await enqueue(tx, 'transmissions.deliver', { spoolId, organizationId: t.organizationId });
  await tx.$queryRaw`${attemptStatement(t, spoolId, opts)}`;
  return spoolId;
}

export type Attempt = 'send' | 'retry';
/** The statuses an attempt by hand starts from (the checks in sendTransmission and retryTransmission). */
const ATTEMPTED_FROM: Record<Attempt, readonly TransmissionRow['status'][]> = { send: ['pending'], retry: ['failed', 'invalid'] };

/**
 * The transmission's row lock, which fails — a division by zero, the guard pg-boss itself uses to abort a transaction
 * from SQL — unless it may be attempted: the rule of assertSendable and ATTEMPTED_FROM said in SQL, so the whole
 * attempt can travel in one round trip. transmissions.int.test.ts holds `attemptable` and `checkAttempt` to the same
 * answers for every combination.
 */
function lockAttemptable(organizationId: string, id: string, attempt: Attempt): Prisma.Sql {
  return Prisma.sql`
    WITH t AS (SELECT status, direction, "accessLinkId", "contactId", "programId" FROM "Transmission" WHERE id = ${id}::uuid AND "organizationId" = ${organizationId}::uuid FOR UPDATE)
    SELECT 1 / (SELECT count(*)::int FROM t WHERE ${attemptable(attempt)}) AS attemptable`;
}

/** The rule over a row's status, direction, accessLinkId, contactId and programId (exported for its test). */
export const attemptable = (attempt: Attempt) => attemptableFrom(Prisma.sql`${ATTEMPTED_FROM[attempt].join(',')}`);

/** The rule with the statuses it may start from as SQL text (comma-separated): a value, or a column per row. */
const attemptableFrom = (statuses: Prisma.Sql) => Prisma.sql`direction::text = 'outbound' AND ("accessLinkId" IS NOT NULL OR ("contactId" IS NOT NULL AND "programId" IS NOT NULL))
  AND status::text = ANY (string_to_array(${statuses}, ','))`;

/** The same rule in words: throws the conflict that says why a transmission may not be attempted (exported for its test). */
export function checkAttempt(attempt: Attempt, t: Pick<TransmissionRow, 'status' | 'direction' | 'accessLinkId' | 'contactId' | 'programId'>): void {
  assertSendable(t);
  if (ATTEMPTED_FROM[attempt].includes(t.status)) return;
  if (attempt === 'send') throw conflict(t.status === 'processing' ? 'It is being delivered right now' : t.status === 'completed' ? 'It was sent already: clone it to send it again' : 'Its last attempt failed: retry it');
  throw conflict(t.status === 'pending' ? 'It was never sent: send it' : t.status === 'processing' ? 'It is being delivered right now' : 'It was delivered: clone it to send it again');
}

const DIVISION_BY_ZERO = '22012';

/**
 * A send or retry by hand — the hot path of every message sent one by one — in ONE round trip (`sqlTransaction`): BEGIN, the row lock that refuses what may not be attempted (`lockAttemptable`: it serialises sends,
 * retries, schedules and deletes of one transmission, so two clicks make one attempt), the attempt's delivery job, its
 * writes, its event, COMMIT. A refusal rolls everything back, its job with it; then the transmission is read to say
 * why (`check`, the same rule in words).
 *
 * Attempts asked while this process has MAX_IN_FLIGHT of them on their way go together, as one transaction
 * (`attemptTogether`), when those return: every send of an organization queues on its event lock until its commit
 * anyway, so k sends in one transaction take it once, commit once and make one round trip instead of k.
 */
async function attemptByHand(ctx: OrgCtx, id: string, attempt: Attempt): Promise<{ spoolId: string }> {
  if (!isUuid(id)) throw notFound('Transmission');
  const spoolId = randomUUID();
  try {
    await new Promise<void>((resolve, reject) => {
      waiting.push({ organizationId: ctx.organizationId, id, attempt, spoolId, resolve, reject });
      schedulePump();
    });
    return { spoolId };
  } catch (error) {
    if ((error as { code?: unknown }).code !== DIVISION_BY_ZERO) throw error;
    checkAttempt(attempt, await findTransmission(ctx, id));
    throw conflict('It changed while it was being sent: look again');
  }
}

type Asked = { organizationId: string; id: string; attempt: Attempt; spoolId: string; resolve: () => void; reject: (error: unknown) => void };

/** Attempts by hand on their way at once (each one transaction); the ones asked meanwhile wait and go together. */
const MAX_IN_FLIGHT = 2;
/** At most this many attempts in one transaction (its row locks, its statement's size). */
const MAX_TOGETHER = 64;
let waiting: Asked[] = [];
let inFlight = 0;
let pumping = false;

/**
 * The waiting attempts leave at the end of this turn of the event loop, not at once: the callers a transaction's answer
 * released ask again in the same turn, and go together then (at once, the first of them went alone every time).
 */
function schedulePump() {
  if (pumping) return;
  pumping = true;
  setImmediate(() => {
    pumping = false;
    pump();
  });
}

function pump() {
  while (inFlight < MAX_IN_FLIGHT && waiting.length > 0) {
    const batch = waiting.slice(0, MAX_TOGETHER);
    waiting = waiting.slice(MAX_TOGETHER);
    inFlight++;
    void attemptAll(batch).finally(() => {
      inFlight--;
      schedulePump();
    });
  }
}

async function attemptAll(batch: Asked[]): Promise<void> {
  if (batch.length > 1) {
    try {
      await attemptTogether(batch);
      for (const a of batch) a.resolve();
      return;
    } catch {
      // Nothing was written. Whatever failed it — a refusal (one attempt's only), a row another transaction holds
      // (NOWAIT: one attempt's wait), one organization's row gone meanwhile, the database itself — each attempt is then
      // made on its own and gets its own answer: one never fails, or waits, for another that went with it.
    }
  }
  await Promise.all(batch.map((a) => attemptAlone(a).then(a.resolve, a.reject)));
}

/** One attempt, one transaction: the row lock that refuses, its job, its writes, its event. */
async function attemptAlone(a: Asked): Promise<void> {
  const t = { id: a.id, organizationId: a.organizationId };
  const job = await jobStatement('transmissions.deliver', { spoolId: a.spoolId, organizationId: a.organizationId });
  // The attempt's writes go just before its event, which takes the organization's event lock: held for less.
  await sqlTransaction(lockAttemptable(a.organizationId, a.id, a.attempt), job, writesStatement(attemptWrites(t, a.spoolId, { cancelSchedules: true })), eventStatement(transmissionEvent(t, 'processing', { spoolId: a.spoolId })));
}

/**
 * Several attempts (of one organization or more), one transaction in one round trip, as attemptAlone's statements
 * for many rows: the row locks (in id order, so two such transactions cannot deadlock; NOWAIT: a row held elsewhere
 * fails the statement at once rather than holding up every attempt of the batch), which fail — division by zero —
 * unless every one of them may be attempted (a transmission asked twice counts once, so it fails too); their jobs
 * (one insert); their writes; their events.
 */
async function attemptTogether(batch: Asked[]): Promise<void> {
  const rows = JSON.stringify(batch.map((a) => ({ id: a.id, organizationId: a.organizationId, spool: a.spoolId, statuses: ATTEMPTED_FROM[a.attempt].join(',') })));
  const asked = Prisma.sql`asked AS (SELECT * FROM json_to_recordset(${rows}::json) AS a(id uuid, "organizationId" uuid, spool uuid, statuses text))`;
  const jobs = await jobsStatement('transmissions.deliver', batch.map((a) => ({ spoolId: a.spoolId, organizationId: a.organizationId })));
  await sqlTransaction(
    Prisma.sql`
      WITH ${asked}, t AS (
        SELECT id, "organizationId", status, direction, "accessLinkId", "contactId", "programId" FROM "Transmission"
        WHERE id = ANY(ARRAY(SELECT id FROM asked)) AND (id, "organizationId") IN (SELECT id, "organizationId" FROM asked)
        ORDER BY id
        FOR UPDATE NOWAIT
      )
      SELECT 1 / (CASE WHEN (SELECT count(DISTINCT id) FROM asked) = ${batch.length}::int
        AND (SELECT count(*) FROM t JOIN asked USING (id, "organizationId") WHERE ${attemptableFrom(Prisma.sql`statuses`)}) = ${batch.length}::int THEN 1 ELSE 0 END) AS attemptable`,
    jobs,
    writesStatement([
      asked,
      Prisma.sql`schedules_cancelled AS (UPDATE "TransmissionSchedule" SET status = 'cancelled' WHERE "transmissionId" = ANY(ARRAY(SELECT id FROM asked)) AND status = 'scheduled')`,
      Prisma.sql`spool_created AS (INSERT INTO "Spool" (id, "organizationId", "transmissionId") SELECT spool, "organizationId", id FROM asked)`,
      Prisma.sql`transmission_processing AS (UPDATE "Transmission" SET status = 'processing', "statusReason" = NULL, "updatedAt" = now() WHERE id = ANY(ARRAY(SELECT id FROM asked)))`,
    ]),
    eventsStatement(batch.map((a) => transmissionEvent({ id: a.id, organizationId: a.organizationId }, 'processing', { spoolId: a.spoolId }))),
  );
}

function assertSendable(t: Pick<TransmissionRow, 'direction' | 'accessLinkId' | 'contactId' | 'programId'>) {
  if (t.direction === 'inbound') throw conflict('An inbound transmission was received: it cannot be sent');
  if (t.accessLinkId) return; // an access link's text: the link is its content (composed at delivery)
  if (!t.contactId) throw conflict('Its contact was deleted: clone it for another contact');
  if (!t.programId) throw conflict('It has no program to send');
}

async function cancelSchedules(tx: Tx, transmissionId: string) {
  await tx.transmissionSchedule.updateMany({ where: { transmissionId, status: 'scheduled' }, data: { status: 'cancelled' } });
}

/** POST …/send: the first attempt of a pending transmission (a scheduled send is sent now instead). */
export async function sendTransmission(opts: { ctx: Ctx; id: string }): Promise<{ spoolId: string }> {
  return attemptByHand(requirePermission(opts.ctx, 'transmissions:send'), opts.id, 'send');
}

/** POST …/retry: a new attempt after a failed (or invalid) one. */
export async function retryTransmission(opts: { ctx: Ctx; id: string }): Promise<{ spoolId: string }> {
  return attemptByHand(requirePermission(opts.ctx, 'transmissions:send'), opts.id, 'retry');
}

const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

/** PUT …/schedule: send at `at` (replacing an earlier schedule). */
export async function scheduleTransmission(opts: { ctx: Ctx; id: string; input: unknown }): Promise<{ scheduleId: string }> {
  const ctx = requirePermission(opts.ctx, 'transmissions:send');
  const { at: raw } = scheduleInput.parse(opts.input);
  const at = new Date(raw);
  return db.$transaction(async (tx) => {
    const t = await findTransmission(ctx, opts.id, tx, { lock: true });
    assertSendable(t);
    if (t.status !== 'pending' && t.status !== 'failed' && t.status !== 'invalid') throw conflict(t.status === 'processing' ? 'It is being delivered right now' : 'It was sent already: clone it to send it again');
    const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    if (at.getTime() <= now!.getTime()) throw validationFailed('at', 'must be in the future (to send now, use send)');
    if (at.getTime() - now!.getTime() > MAX_AHEAD_MS) throw validationFailed('at', 'must be within a year');
    await cancelSchedules(tx, t.id);
    const schedule = await tx.transmissionSchedule.create({ data: { organizationId: t.organizationId, transmissionId: t.id, at } });
    await enqueue(tx, 'transmissions.fire', { scheduleId: schedule.id, organizationId: t.organizationId }, { startAfter: at });
    await announceTransmission(tx, t, t.status, { scheduledAt: at.toISOString() });
    return { scheduleId: schedule.id };
  });
}

/** DELETE …/schedule: the pending schedule is cancelled (its job, when it runs, finds it so and sends nothing). */
export async function cancelSchedule(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx: OrgCtx = requirePermission(opts.ctx, 'transmissions:send');
  await db.$transaction(async (tx) => {
    const t = await findTransmission(ctx, opts.id, tx, { lock: true });
    const { count } = await tx.transmissionSchedule.updateMany({ where: { transmissionId: t.id, status: 'scheduled' }, data: { status: 'cancelled' } });
    if (count === 0) throw notFound('Schedule');
    await announceTransmission(tx, t, t.status, { scheduledAt: null });
  });
}

/** The transmissions.fire job: sends if the schedule still stands and its time has come (by the database's clock). */
export async function fireSchedule(scheduleId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; transmissionId: string; organizationId: string; status: string; due: boolean; at: Date }[]>`
      SELECT id, "transmissionId", "organizationId", status::text AS status, at <= now() AS due, at FROM "TransmissionSchedule" WHERE id = ${scheduleId}::uuid FOR UPDATE`;
    const s = rows[0];
    if (!s || s.status !== 'scheduled') return;
    if (!s.due) {
      // Woken early (clocks differ): wait again until `at`.
      await enqueue(tx, 'transmissions.fire', { scheduleId: s.id, organizationId: s.organizationId }, { startAfter: s.at });
      return;
    }
    const t = await findTransmission({ organizationId: s.organizationId } as OrgCtx, s.transmissionId, tx, { lock: true });
    if (t.status === 'processing' || t.status === 'completed' || t.direction === 'inbound' || (!t.accessLinkId && (!t.contactId || !t.programId))) {
      await tx.transmissionSchedule.update({ where: { id: s.id }, data: { status: 'fired' } });
      return;
    }
    const spoolId = await startAttempt(tx, t, { cancelSchedules: false });
    await tx.transmissionSchedule.update({ where: { id: s.id }, data: { status: 'fired', spoolId } });
  });
}
