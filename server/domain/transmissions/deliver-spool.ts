// The transmissions.deliver job: one attempt of one transmission. The spool is claimed (one worker at a time; a
// worker killed mid-send leaves a claim that expires and the job's retry resumes it with the same idempotency key),
// a provider of the service is chosen by weight, its rate limit waited for, the message sent, the answer recorded.
// A gateway's 429/Retry-After defers the same spool (no sooner than it says) and is not a failed attempt.
import { db, sqlRows, sqlTransaction, type Tx } from '../../db';
import { enqueue } from '../../jobs/enqueue';
import type { JobContext } from '../../jobs/job-context';
import { ADAPTERS } from '../../providers/outbound/adapters';
import { ProviderError, type ProviderService } from '../../providers/outbound/provider-adapter';
import { Prisma } from '../../generated/prisma/client';
import { inboundUrlOf, providerConfigOf, redact, redactText } from '../providers/manage-providers';
import { campaignOfSpool, returnSpoolToCampaign, takeCampaignSlots } from '../campaigns/pacing';
import { composeLoaded, composeParts, type Loaded } from './compose-message';
import { announceTransmission, transmissionEvent } from './send-transmission';
import { eventsStatement, writesStatement } from '../../realtime/publish-event';

const CLAIM_SECONDS = 180;
const MAX_DEFERRALS = 50;
/** A rate-limit wait longer than this frees the worker: the spool is deferred to its slot instead. */
const MAX_INLINE_WAIT_MS = 2_000;

type ProviderRow = Prisma.ProviderGetPayload<object>;

/**
 * Weighted choice: `random` in [0, 1) lands in a provider's share of the summed weights (weight 0: only when no weighted
 * one is left, then evenly). Pure, so the shares are provable without chance.
 */
export function pickWeighted<P extends { weight: number }>(pool: readonly P[], random: number): P | null {
  if (pool.length === 0) return null;
  const weighted = pool.filter((p) => p.weight > 0);
  const candidates = weighted.length > 0 ? weighted : pool;
  const share = (p: P) => (weighted.length > 0 ? p.weight : 1);
  let pick = random * candidates.reduce((n, p) => n + share(p), 0);
  for (const p of candidates) {
    pick -= share(p);
    if (pick < 0) return p;
  }
  return candidates[candidates.length - 1]!;
}

/** The active providers of an organization carrying a service, in the order the weighted choice walks them. */
const ofService = (providers: readonly ProviderRow[], service: ProviderService) => providers.filter((p) => p.active && p.serviceFlags.includes(service));

/** Weighted choice among the active providers of a service; `random` is injectable for tests. */
export async function chooseProvider(organizationId: string, service: ProviderService, tx: Tx = db, random: () => number = Math.random): Promise<ProviderRow | null> {
  const all = await tx.provider.findMany({ where: { organizationId, active: true, serviceFlags: { has: service } }, orderBy: { id: 'asc' } });
  return pickWeighted(ofService(all, service), random());
}

/**
 * The provider's next free slot under its messages-per-second limit, taken atomically in PostgreSQL so every worker
 * process shares one budget. Returns how long to wait for it (0 when there is no limit).
 */
async function takeSlot(provider: ProviderRow): Promise<number> {
  const rate = (provider.settings as { ratePerSecond?: number } | null)?.ratePerSecond;
  if (!rate) return 0;
  const rows = await db.$queryRaw<{ wait_ms: number }[]>`
    UPDATE "Provider" SET "nextSlotAt" = GREATEST(COALESCE("nextSlotAt", now()), now()) + make_interval(secs => ${1 / rate}::float8)
    WHERE id = ${provider.id}::uuid
    RETURNING GREATEST(0, EXTRACT(EPOCH FROM ("nextSlotAt" - make_interval(secs => ${1 / rate}::float8) - now())) * 1000)::float8 AS wait_ms`;
  return rows[0]?.wait_ms ?? 0;
}

/** A provider row as the claim reads it (JSON: its times as text). */
type ProviderJson = Omit<ProviderRow, 'nextSlotAt' | 'createdAt' | 'updatedAt'> & { nextSlotAt: string | null; createdAt: string; updatedAt: string };

type Claimed = Loaded & {
  id: string;
  transmissionId: string;
  deferrals: number;
  /** When an earlier attempt handed the spool to a gateway (null: never). */
  handedAt: Date | null;
  campaignId: string | null;
  campaignStatus: string | null;
  providers: ProviderJson[];
};

/**
 * Claims the spool for one attempt and reads, in the same statement, its campaign, everything its message is made of
 * (`composeParts`) and the organization's active providers. `resumed`: an earlier attempt handed it to a gateway and
 * never recorded the answer (a worker died mid-send), so the message may have reached the gateway already. A spool of
 * no campaign counts as handed over from this claim on (its attempt goes straight to the gateway, and a crash before
 * the answer is recorded makes its retry ask the gateway first); a campaign's is marked right before its slot instead
 * (`awaitSlot`), so a stopped campaign can take back one that never left. The lock (CTE `old`) reads the `handedAt` the
 * claim found.
 *
 * Claims asked for in the same turn of the event loop — a worker's batch starts its jobs together — go as ONE
 * statement (`claimAll`): one round trip for the batch on the hot path of every message.
 */
async function claim(spoolId: string) {
  const row = await new Promise<Claimed | null>((resolve, reject) => {
    if (!asked) {
      asked = [];
      queueMicrotask(() => void claimAll());
    }
    asked.push({ spoolId, resolve, reject });
  });
  if (!row) return null;
  const providers: ProviderRow[] = row.providers.map((p) => ({ ...p, nextSlotAt: p.nextSlotAt ? new Date(p.nextSlotAt) : null, createdAt: new Date(p.createdAt), updatedAt: new Date(p.updatedAt) }));
  return {
    spool: { id: row.id, transmissionId: row.transmissionId, organizationId: row.organizationId, deferrals: row.deferrals, resumed: row.handedAt !== null, handedAt: row.handedAt },
    campaign: row.campaignId ? { id: row.campaignId, status: row.campaignStatus! } : null,
    loaded: row as Loaded,
    providers,
  };
}

let asked: { spoolId: string; resolve: (row: Claimed | null) => void; reject: (error: unknown) => void }[] | null = null;

async function claimAll() {
  const batch = asked!;
  asked = null;
  const { columns, joins } = composeParts();
  try {
    // Locked in id order, so two workers claiming overlapping batches (a job and its retry) cannot deadlock.
    const rows = await sqlRows<Claimed>(Prisma.sql`
      WITH old AS (
        SELECT s.id, s."handedAt", t."campaignId" FROM "Spool" s JOIN "Transmission" t ON t.id = s."transmissionId"
        WHERE s.id = ANY(${batch.map((b) => b.spoolId)}::uuid[]) AND s.status = 'initiated'
          AND (s."claimedUntil" IS NULL OR s."claimedUntil" < now())
          AND (s."deferredUntil" IS NULL OR s."deferredUntil" <= now())
        ORDER BY s.id
        FOR UPDATE OF s
      ), claimed AS (
        UPDATE "Spool" s SET "claimedUntil" = now() + make_interval(secs => ${CLAIM_SECONDS}),
          "handedAt" = CASE WHEN old."campaignId" IS NULL THEN COALESCE(s."handedAt", now()) ELSE s."handedAt" END
        FROM old WHERE s.id = old.id
        RETURNING s.id, s."transmissionId", s.deferrals, old."handedAt", old."campaignId"
      )
      SELECT claimed.*, cp.status::text AS "campaignStatus", ${columns},
             (SELECT COALESCE(jsonb_agg(to_jsonb(pr) ORDER BY pr.id), '[]'::jsonb) FROM "Provider" pr
               WHERE pr."organizationId" = t."organizationId" AND pr.active) AS providers
      FROM claimed JOIN "Transmission" t ON t.id = claimed."transmissionId"
      LEFT JOIN "Campaign" cp ON cp.id = claimed."campaignId"
      ${joins}`, { prepared: true });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // One claim per spool: a second ask for the same one in the batch (its job's retry, a backstop) finds it held.
    for (const b of batch) {
      b.resolve(byId.get(b.spoolId) ?? null);
      byId.delete(b.spoolId);
    }
  } catch (error) {
    for (const b of batch) b.reject(error);
  }
}

/** Marks the attempt as handed to a gateway (the first time it was): from here on a crash may leave it sent unrecorded. */
const markHanded = (spoolId: string) => db.$executeRaw`UPDATE "Spool" SET "handedAt" = COALESCE("handedAt", now()) WHERE id = ${spoolId}::uuid`;

/** A campaign's send handed to the gateway later than this after its slot takes a new slot instead (pacing.ts). */
const LATE_MS = 250;
/** A campaign's send is made ready (and marked handed) this long before its slot. */
const PREPARE_MS = 250;

type Gate = { campaignId: string; sendAt: number; checkedAt: number } | null;

/**
 * A campaign's spool goes out only while its campaign runs, and at the campaign's pace: the dispatcher sends at a slot
 * it took (`paced`, at `sendAt`); any other path (a backstop or deferred job) takes one here. A stopped campaign gets
 * the spool back, unsent — except one that may have reached the gateway already (`resumed`): that one is finished, with
 * the same identity, as an in-flight delivery is. 'refused': the spool must not be sent now (it was given back).
 */
async function campaignGate(spool: { id: string; resumed: boolean }, opts: { paced?: boolean; sendAt?: number }, read?: { id: string; status: string } | null): Promise<Gate | 'refused'> {
  // `read`: the campaign as the claim read it; asked again otherwise (after a wait).
  const campaign = read === undefined ? await campaignOfSpool(spool.id) : read;
  if (!campaign) return null;
  const refuse = async () => {
    if (spool.resumed) return null;
    await returnSpoolToCampaign(spool.id, { claimed: true });
    return 'refused' as const;
  };
  if (campaign.status !== 'running') return refuse();
  if (opts.paced) return { campaignId: campaign.id, sendAt: opts.sendAt ?? Date.now(), checkedAt: Date.now() };
  const slot = await takeCampaignSlots(campaign.id, 1, 3_600_000);
  if (!slot || !('waitsMs' in slot)) return refuse();
  return { campaignId: campaign.id, sendAt: Date.now() + slot.waitsMs[0]!, checkedAt: Date.now() };
}

/**
 * Waits for the campaign send's slot, right before the gateway call. A slot missed by more than LATE_MS (a loaded
 * machine, a slow database) is exchanged for the next free one rather than used late: a late send followed by timely
 * ones would crowd a 60-second window past the cpm. After a long wait the campaign is asked again whether it still runs.
 */
async function awaitSlot(spool: { id: string; resumed: boolean }, gate: NonNullable<Gate>): Promise<boolean> {
  let sendAt = gate.sendAt;
  for (let tries = 0; tries < 20; tries++) {
    // Close to the slot only (so that a spool marked handed is one about to be sent, not one waiting in a backlog).
    if (sendAt - Date.now() > PREPARE_MS) await new Promise((r) => setTimeout(r, sendAt - Date.now() - PREPARE_MS));
    if (Date.now() - sendAt <= LATE_MS) break;
    const slot = await takeCampaignSlots(gate.campaignId, 1, 3_600_000);
    if (!slot || !('waitsMs' in slot)) return (await campaignGate(spool, { paced: true })) !== 'refused';
    sendAt = Date.now() + slot.waitsMs[0]!;
  }
  if (Date.now() - gate.checkedAt > 500 && (await campaignGate(spool, { paced: true })) === 'refused') return false;
  // Marked before the last wait (under PREPARE_MS), not after it: the write would make the send late.
  await markHanded(spool.id);
  if (sendAt > Date.now()) await new Promise((r) => setTimeout(r, sendAt - Date.now()));
  return true;
}

async function defer(spool: { id: string; transmissionId: string; organizationId: string; deferrals: number }, untilMs: number, reason: string, providerId: string | null) {
  const until = new Date(Date.now() + untilMs);
  await db.$transaction(async (tx) => {
    await tx.spool.update({ where: { id: spool.id }, data: { claimedUntil: null, handedAt: null, deferredUntil: until, deferrals: { increment: 1 }, error: reason, providerId } });
    await enqueue(tx, 'transmissions.deliver', { spoolId: spool.id, organizationId: spool.organizationId }, { startAfter: until });
    // Still processing, but the open page shows why it waits and until when.
    await announceTransmission(tx, { id: spool.transmissionId, organizationId: spool.organizationId }, 'processing', { spoolId: spool.id, deferredUntil: until.toISOString() });
  });
}

type Outcome = { status: 'completed' | 'failed'; transmission: 'completed' | 'failed' | 'invalid'; reason?: string; providerId?: string | null; messageId?: string | null; response?: Record<string, unknown> | null; connectedAt?: Date | null };
type Finished = { spool: { id: string; transmissionId: string; organizationId: string }; outcome: Outcome; resolve: () => void; reject: (error: unknown) => void };

/**
 * The attempt's outcome: spool, transmission and the event, in ONE round trip (`record`), on the hot path of every
 * message. Outcomes recorded in the same turn of the event loop — a worker's batch whose gateway answers arrived
 * together — share it (`finishAll`).
 */
function finish(spool: Finished['spool'], outcome: Outcome): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!finishing) {
      finishing = [];
      setImmediate(() => void finishAll());
    }
    finishing.push({ spool, outcome, resolve, reject });
  });
}

let finishing: Finished[] | null = null;

async function finishAll() {
  const batch = finishing!;
  finishing = null;
  try {
    await record(batch);
    for (const f of batch) f.resolve();
  } catch (error) {
    if (batch.length === 1) return batch[0]!.reject(error);
    // Each on its own, so one that cannot be recorded (or a deadlock with another worker) fails only itself.
    for (const f of batch) await record([f]).then(f.resolve, f.reject);
  }
}

/**
 * One transaction in one round trip: the spools' and transmissions' writes, then their events — whose statement takes
 * the organizations' event locks, so the writes are not done while holding them.
 */
function record(batch: Finished[]) {
  return sqlTransaction(
    writesStatement(outcomeWrites(batch)),
    eventsStatement(batch.map(({ spool, outcome }) => transmissionEvent({ id: spool.transmissionId, organizationId: spool.organizationId }, outcome.transmission, { spoolId: spool.id }))),
  );
}

/**
 * The outcomes' writes. Each update names its rows by primary key (`= ANY(ARRAY(…))`) besides joining the outcomes:
 * PostgreSQL guesses 100 rows for json_to_recordset, and for that many it hashed a sequential scan of Spool and of
 * Transmission — the whole tables, on every batch (1.9 ms of a batch of 8 in bench:transmissions, 0.9 ms with the keys).
 */
function outcomeWrites(batch: Finished[]): Prisma.Sql[] {
  const outcomes = JSON.stringify(batch.map(({ spool, outcome }) => ({
    spool: spool.id,
    transmission: spool.transmissionId,
    status: outcome.status,
    tstatus: outcome.transmission,
    error: outcome.status === 'failed' ? (outcome.reason ?? 'failed') : null,
    reason: outcome.status === 'failed' ? (outcome.reason ?? null) : null,
    setProvider: outcome.providerId !== undefined,
    provider: outcome.providerId ?? null,
    messageId: outcome.messageId ?? null,
    response: outcome.response ?? null,
    connectedAt: outcome.connectedAt?.toISOString() ?? null,
  })));
  return [
    Prisma.sql`outcomes AS (
      SELECT * FROM json_to_recordset(${outcomes}::json) AS o(spool uuid, transmission uuid, status "SpoolStatus", tstatus "TransmissionStatus", error text, reason text,
        "setProvider" boolean, provider uuid, "messageId" text, response jsonb, "connectedAt" timestamptz))`,
    Prisma.sql`spool_done AS (
      UPDATE "Spool" s SET status = o.status, "endedAt" = now(), "claimedUntil" = NULL, "deferredUntil" = NULL,
        "providerId" = CASE WHEN o."setProvider" THEN o.provider ELSE s."providerId" END,
        "providerMessageId" = o."messageId", response = COALESCE(o.response, s.response), error = o.error, "connectedAt" = COALESCE(o."connectedAt", s."connectedAt")
      FROM outcomes o WHERE s.id = o.spool AND s.id = ANY(ARRAY(SELECT spool FROM outcomes)))`,
    Prisma.sql`transmission_done AS (
      UPDATE "Transmission" t SET status = o.tstatus, "statusReason" = o.reason, "updatedAt" = now()
      FROM outcomes o WHERE t.id = o.transmission AND t.id = ANY(ARRAY(SELECT transmission FROM outcomes)))`,
  ];
}

/**
 * A spool another worker holds: that worker may have been killed mid-send (this job is then the queue's retry of its
 * job), so the attempt is looked at again once the claim runs out — a no-op if the holder finished it.
 */
async function resumeLater(spoolId: string) {
  const held = await db.spool.findFirst({ where: { id: spoolId, status: 'initiated', claimedUntil: { gt: new Date() } }, select: { id: true, organizationId: true, claimedUntil: true } });
  if (!held) return;
  await db.$transaction((tx) => enqueue(tx, 'transmissions.deliver', { spoolId: held.id, organizationId: held.organizationId }, { startAfter: new Date(held.claimedUntil!.getTime() + 1000) }));
}

/**
 * One attempt of a spool. `paced`: a campaign's dispatcher took the campaign's send slot for it already; `sendAt`: the
 * slot's time — everything up to the gateway call is done first, then the call waits for it (so the database work
 * does not make the send late, and late by a varying amount).
 */
export async function deliverSpool(spoolId: string, job: JobContext, opts: { paced?: boolean; sendAt?: number } = {}): Promise<void> {
  const claimed = await claim(spoolId);
  if (!claimed) return resumeLater(spoolId); // done, held by another worker, or not yet due (its deferred job will come)
  const { spool } = claimed;
  const gate = await campaignGate(spool, opts, claimed.campaign);
  if (gate === 'refused') return;
  const composed = await composeLoaded(db as unknown as Tx, claimed.loaded);
  if (!composed.ok) return finish(spool, { status: 'failed', transmission: 'invalid', reason: composed.reason });
  const provider = pickWeighted(ofService(claimed.providers, composed.message.service), Math.random());
  if (!provider) return finish(spool, { status: 'failed', transmission: 'failed', reason: `No active provider carries ${composed.message.service}: connect one under Settings → Providers`, providerId: null });
  const wait = await takeSlot(provider);
  if (wait > MAX_INLINE_WAIT_MS) return defer(spool, wait, `Waiting for ${provider.name}’s rate limit`, provider.id);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const config = providerConfigOf(provider);
  const receiptUrl = `${inboundUrlOf(provider, 'receipt')}${provider.type === 'kannel' ? `&spool=${spool.id}` : ''}`;
  // A campaign's send is marked handed right before its slot; any other was marked by its claim.
  if (gate && !(await awaitSlot(spool, gate))) return;
  // An attempt that may have reached the gateway before a crash: a gateway that can be asked is asked first, and a
  // message it already holds for this spool is recorded instead of sent again. (If asking fails, the job retries.)
  const adapter = ADAPTERS[provider.type];
  if (spool.handedAt && adapter.find) {
    const existing = await adapter.find(config, { ...composed.message, spoolId: spool.id, receiptUrl }, { since: spool.handedAt, signal: job.signal });
    if (existing) return finish(spool, { status: 'completed', transmission: 'completed', providerId: provider.id, messageId: existing.messageId, response: redact(existing.response, config.password) });
  }
  try {
    const answer = await ADAPTERS[provider.type].send(config, { ...composed.message, spoolId: spool.id, receiptUrl }, { signal: job.signal });
    await finish(spool, { status: 'completed', transmission: 'completed', providerId: provider.id, messageId: answer.messageId, response: redact(answer.response, config.password), connectedAt: answer.connectedAt ?? null });
  } catch (error) {
    // Ours (database, bug) or the worker stopping: the job retries the same spool, with the same idempotency key.
    if (!(error instanceof ProviderError) || job.signal.aborted) throw error;
    const reason = redactText(error.message, config.password);
    if (error.kind === 'throttled' && spool.deferrals < MAX_DEFERRALS) return defer(spool, error.detail.retryAfterMs ?? 30_000, reason, provider.id);
    await finish(spool, { status: 'failed', transmission: 'failed', reason, providerId: provider.id, response: error.detail.response ? redact(error.detail.response, config.password) : { ...(error.detail.status && { httpStatus: error.detail.status }) } });
  }
}
