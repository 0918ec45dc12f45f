// Running a campaign. Start makes one transmission per contact of the group (once) and queues a dispatcher; the
// dispatcher (the campaigns.dispatch job, any number of them in any worker process) locks the next due transmissions
// (SKIP LOCKED) and creates their spools with backstop transmissions.deliver jobs in a transaction that sees the
// campaign running (FOR SHARE), then takes the campaign's next send slots — one atomic UPDATE in PostgreSQL, (60 +
// 0.5)/cpm seconds apart, so every process shares one budget (pacing.ts) — and each send waits for its slot and goes
// through part 2's deliverSpool, which sends a campaign's spool only while the campaign runs. A process killed at any
// instant leaves either no spool, or a spool its backstop job finishes (paced, with the same identity: same spool id,
// same Message-ID / idempotency token). A dispatcher hands over to its successor a few seconds before its slice ends,
// so the two overlap (sharing the slots) instead of leaving a gap.
import { randomUUID } from 'node:crypto';
import { requirePermission, type Ctx } from '../../context';
import { db, type Tx } from '../../db';
import { campaignTimings } from '../../env';
import { conflict } from '../../errors';
import { enqueue, enqueueMany } from '../../jobs/enqueue';
import type { JobContext } from '../../jobs/job-context';
import { publishEvent } from '../../realtime/publish-event';
import { deliverSpool } from '../transmissions/deliver-spool';
import type { CampaignDto } from './campaign.schema';
import { campaignCounts, campaignDto, findCampaign } from './manage-campaigns';
import { returnSpoolToCampaign, takeCampaignSlots } from './pacing';

/** How long one dispatcher job sends before its successor takes over (bounds a killed worker's lost time). */
const SLICE_MS = 20_000;
/** The successor is queued this long before the slice ends: pg-boss hands it to a worker while this one still sends. */
const HANDOVER_MS = 4_000;
/** Sends prepared ahead of their slot, as time: at most about this much of the pace waits for its slot at once. */
const LOOKAHEAD_MS = 1_000;
/** The backstop job of a spool runs this long after it was created, unless the dispatcher finished it first. */
const BACKSTOP_SECONDS = 30;
/** An idle dispatcher (waiting for retries, other processes' deliveries, new members) looks again this soon. */
const IDLE_RECHECK_MS = 5_000;
const MAX_RETRY_DELAY_SECONDS = 900;

/** Sends prepared ahead at a pace of cpm (at least 2, at most 50). */
/** A send is prepared (claimed, composed, its provider chosen) this long before its slot, then handed over at the slot. */
const PREPARE_MS = 250;
const lookaheadOf = (cpm: number) => Math.min(50, Math.max(2, Math.ceil((cpm / 60_000) * LOOKAHEAD_MS)));
/** Deliveries one dispatcher keeps in flight: enough for a slow gateway at a high pace. */
export const inFlightOf = (cpm: number) => Math.max(8, 2 * lookaheadOf(cpm));

type CampaignRow = { id: string; organizationId: string; status: string; cpm: number; tryAllowed: number; continuous: boolean; groupId: string; programId: string; accountId: string | null };

export async function announceCampaign(tx: Pick<Tx, '$queryRaw'>, c: { id: string; organizationId: string }, extra: Record<string, unknown> = {}) {
  const counts = (await campaignCounts([c.id], tx)).get(c.id)!;
  const status = extra.status ?? (await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Campaign" WHERE id = ${c.id}::uuid`)[0]?.status;
  await publishEvent(tx, { organizationId: c.organizationId, type: 'campaign.progress', payload: { id: c.id, status: status as string, counts }, audience: { permission: 'campaigns:read', subject: `campaign:${c.id}` } });
}

/** One transmission per member of the group not yet in the campaign (the unique (campaignId, contactId) makes it idempotent). */
async function addMembers(tx: Pick<Tx, '$executeRaw'>, c: Pick<CampaignRow, 'id' | 'organizationId' | 'groupId' | 'programId' | 'accountId'>, createdById: string | null): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "Transmission" (id, "organizationId", "contactId", "programId", "accountId", "campaignId", direction, status, "createdById", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${c.organizationId}::uuid, m."contactId", ${c.programId}::uuid, ${c.accountId}::uuid, ${c.id}::uuid, 'outbound', 'pending', ${createdById}::uuid, now(), now()
    FROM "ContactGroupMember" m WHERE m."groupId" = ${c.groupId}::uuid
    ORDER BY m."createdAt", m."contactId"
    ON CONFLICT ("campaignId", "contactId") DO NOTHING`;
}

const dispatch = (tx: Tx, c: { id: string; organizationId: string }, startAfter?: Date) =>
  enqueue(tx, 'campaigns.dispatch', { campaignId: c.id, organizationId: c.organizationId }, { singletonKey: c.id, ...(startAfter && { startAfter }) });

/**
 * The state change behind PUT …/start and a fired start schedule: draft, scheduled or stopped → running. The first
 * start fixes the audience (the group's members then); a resume sends exactly what is left.
 */
export async function runCampaign(tx: Tx, c: { id: string; organizationId: string; status: string; startedAt: Date | null; groupId: string; programId: string; accountId: string | null; continuous: boolean }, createdById: string | null) {
  if (c.status === 'running') throw conflict('This campaign is running already');
  if (c.status === 'completed' || c.status === 'cancelled') throw conflict(`This campaign is ${c.status}: it cannot start again (clone it into a new campaign)`);
  if (!c.startedAt) {
    const added = await addMembers(tx, c, createdById);
    if (added === 0 && !c.continuous) throw conflict('The group has no contacts yet: add or import some first');
  }
  await tx.campaign.update({ where: { id: c.id }, data: { status: 'running', startedAt: c.startedAt ?? new Date(), stoppedAt: null } });
  await dispatch(tx, c);
  await announceCampaign(tx, c, { status: 'running' });
}

/**
 * Spools nobody holds (prepared ahead of their slot, or deferred by a gateway's 429) go back to the campaign: their
 * transmissions are pending again, and their jobs, when they run, find nothing to send. A held one is being sent now.
 */
async function takeBackIdleSpools(tx: Pick<Tx, '$executeRaw'>, campaignId: string): Promise<void> {
  await tx.$executeRaw`
    WITH gone AS (
      DELETE FROM "Spool" s USING "Transmission" t
      WHERE t.id = s."transmissionId" AND t."campaignId" = ${campaignId}::uuid AND s.status = 'initiated' AND s."claimedUntil" IS NULL
      RETURNING s."transmissionId"
    )
    UPDATE "Transmission" SET status = 'pending', "updatedAt" = now() WHERE id IN (SELECT "transmissionId" FROM gone)`;
}

/** The state change behind PUT …/stop and a fired stop schedule. Nothing new is sent once it commits. */
export async function haltCampaign(tx: Tx, c: { id: string; organizationId: string; status: string }) {
  if (c.status !== 'running') throw conflict(`This campaign is not running (${c.status})`);
  await tx.campaign.update({ where: { id: c.id }, data: { status: 'stopped', stoppedAt: new Date() } });
  await takeBackIdleSpools(tx, c.id);
  await announceCampaign(tx, c, { status: 'stopped' });
}

export async function startCampaign(opts: { ctx: Ctx; id: string }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  return db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    await runCampaign(tx, c, ctx.actor.kind === 'user' ? ctx.actor.id : null);
    return campaignDto(c.id, tx);
  }, { timeout: 60_000 });
}

/** Stop: resumable, loses nothing. Deliveries already handed to a gateway finish; no new one starts. */
export async function stopCampaign(opts: { ctx: Ctx; id: string }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  return db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    await haltCampaign(tx, c);
    return campaignDto(c.id, tx);
  });
}

/** Cancel for good: what is left is never sent (its transmissions stay pending, on record), schedules are dropped. */
export async function cancelCampaign(opts: { ctx: Ctx; id: string }): Promise<CampaignDto> {
  const ctx = requirePermission(opts.ctx, 'campaigns:manage');
  return db.$transaction(async (tx) => {
    const c = await findCampaign(ctx, opts.id, tx, { lock: true });
    if (c.status === 'completed' || c.status === 'cancelled') throw conflict(`This campaign is ${c.status} already`);
    await tx.campaign.update({ where: { id: c.id }, data: { status: 'cancelled', stoppedAt: new Date() } });
    await takeBackIdleSpools(tx, c.id);
    await tx.campaignSchedule.updateMany({ where: { campaignId: c.id, status: 'scheduled' }, data: { status: 'cancelled' } });
    await announceCampaign(tx, c, { status: 'cancelled' });
    return campaignDto(c.id, tx);
  });
}

async function loadRunning(id: string): Promise<CampaignRow | null> {
  const rows = await db.$queryRaw<CampaignRow[]>`
    SELECT id, "organizationId", status::text AS status, cpm, "tryAllowed", continuous, "groupId", "programId", "accountId" FROM "Campaign" WHERE id = ${id}::uuid`;
  return rows[0]?.status === 'running' ? rows[0] : null;
}

/**
 * The next due transmissions: never attempted, or failed with tries left and their backoff over (retryDelay·2^(n-1)
 * after the last attempt ended). Locked SKIP LOCKED so two dispatchers never take the same one.
 */
async function lockNextDue(tx: Tx, c: CampaignRow, limit: number): Promise<{ id: string }[]> {
  const base = campaignTimings().retryDelaySeconds;
  const pending = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Transmission" WHERE "campaignId" = ${c.id}::uuid AND status = 'pending'
    ORDER BY "createdAt", id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  if (pending.length >= limit) return pending;
  const retry = await tx.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "Transmission" t
    CROSS JOIN LATERAL (SELECT count(*) AS n, max(s."endedAt") AS last FROM "Spool" s WHERE s."transmissionId" = t.id) a
    WHERE t."campaignId" = ${c.id}::uuid AND t.status = 'failed' AND a.n < ${c.tryAllowed}
      AND a.last + make_interval(secs => LEAST(${MAX_RETRY_DELAY_SECONDS}::float8, ${base}::float8 * power(2, a.n - 1))) <= now()
    ORDER BY a.last, t.id LIMIT ${limit - pending.length} FOR UPDATE OF t SKIP LOCKED`;
  return [...pending, ...retry];
}

/** What is left of a campaign that has nothing due right now, and when a retry falls due. */
async function leftover(c: CampaignRow): Promise<{ open: number; nextRetryAt: Date | null }> {
  const base = campaignTimings().retryDelaySeconds;
  const rows = await db.$queryRaw<{ open: bigint; next_retry: Date | null }[]>`
    SELECT count(*) FILTER (WHERE t.status IN ('pending', 'processing') OR (t.status = 'failed' AND a.n < ${c.tryAllowed})) AS open,
           min(a.last + make_interval(secs => LEAST(${MAX_RETRY_DELAY_SECONDS}::float8, ${base}::float8 * power(2, a.n - 1)))) FILTER (WHERE t.status = 'failed' AND a.n < ${c.tryAllowed}) AS next_retry
    FROM "Transmission" t
    CROSS JOIN LATERAL (SELECT count(*) AS n, max(s."endedAt") AS last FROM "Spool" s WHERE s."transmissionId" = t.id) a
    WHERE t."campaignId" = ${c.id}::uuid`;
  return { open: Number(rows[0]?.open ?? 0), nextRetryAt: rows[0]?.next_retry ?? null };
}

/**
 * Spools for up to `limit` due transmissions, if the campaign still runs (FOR SHARE: a stop commits before or after,
 * never between), each with its backstop delivery job — one transaction, a few statements whatever the count.
 */
async function beginNext(c: CampaignRow, limit: number): Promise<string[] | 'stopped'> {
  return db.$transaction(async (tx) => {
    const now = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Campaign" WHERE id = ${c.id}::uuid FOR SHARE`;
    if (now[0]?.status !== 'running') return 'stopped' as const;
    const due = await lockNextDue(tx, c, limit);
    if (due.length === 0) return [];
    const ids = due.map(() => randomUUID());
    await tx.spool.createMany({ data: due.map((t, i) => ({ id: ids[i]!, organizationId: c.organizationId, transmissionId: t.id })) });
    await tx.transmission.updateMany({ where: { id: { in: due.map((t) => t.id) } }, data: { status: 'processing', statusReason: null } });
    await enqueueMany(tx, 'transmissions.deliver', ids.map((spoolId) => ({ spoolId, organizationId: c.organizationId })), { startAfter: new Date(Date.now() + BACKSTOP_SECONDS * 1000) });
    return ids;
  });
}

/** Marks a running, non-continuous campaign with nothing left completed; otherwise queues the next look. */
async function settle(c: CampaignRow): Promise<void> {
  const left = await leftover(c);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Campaign" WHERE id = ${c.id}::uuid FOR UPDATE`;
    if (rows[0]?.status !== 'running') return;
    if (left.open === 0 && !c.continuous) {
      await tx.campaign.update({ where: { id: c.id }, data: { status: 'completed', completedAt: new Date() } });
      await announceCampaign(tx, c, { status: 'completed' });
      return;
    }
    const soon = new Date(Date.now() + IDLE_RECHECK_MS);
    await dispatch(tx, c, left.nextRetryAt && left.nextRetryAt < soon ? left.nextRetryAt : soon);
    await announceCampaign(tx, c);
  });
}

/** The campaigns.dispatch job: sends the campaign's due transmissions at its pace for one slice of time. */
export async function dispatchCampaign(campaignId: string, job: JobContext): Promise<void> {
  const deadline = Date.now() + SLICE_MS;
  const inFlight = new Set<Promise<void>>();
  let waiting = 0;
  let lastRefill = 0;
  let lastAnnounce = Date.now();
  let handedOver = false;
  let ending: 'slice' | 'idle' | 'stopped' | { later: Date } = 'slice';
  let c: CampaignRow | null = null;
  let known: CampaignRow | null = null;
  let loadedAt = 0;
  let started = 0;
  try {
    while (Date.now() < deadline && !job.signal.aborted) {
      if (!c || Date.now() - loadedAt > IDLE_RECHECK_MS) {
        // Settings (pace, tries, continuous) may change; a stop is also seen by beginNext and by each send.
        c = await loadRunning(campaignId);
        known = c ?? known;
        loadedAt = Date.now();
      }
      if (!c) {
        ending = 'stopped';
        break;
      }
      if (!handedOver && deadline - Date.now() < HANDOVER_MS) {
        const current = c;
        await db.$transaction((tx) => dispatch(tx, current));
        handedOver = true;
      }
      if (c.continuous && Date.now() - lastRefill > IDLE_RECHECK_MS) {
        await addMembers(db, c, null);
        lastRefill = Date.now();
      }
      // Spools are made and their slots taken in batches, and each send waits for its slot on its own while this loop
      // prepares the next batch: the database work overlaps the waits instead of adding to them. At most about
      // LOOKAHEAD_MS of the pace waits at once, and at most inFlightOf(cpm) deliveries are under way.
      const ahead = lookaheadOf(c.cpm);
      while (waiting >= ahead || inFlight.size >= inFlightOf(c.cpm)) await Promise.race(inFlight);
      const spools = await beginNext(c, ahead - waiting);
      if (spools === 'stopped') {
        ending = 'stopped';
        break;
      }
      if (spools.length === 0) {
        // Nothing due. A delivery of ours still under way may fail and fall due for a retry: wait for it.
        if (inFlight.size > 0) {
          await Promise.race(inFlight);
          continue;
        }
        // A retry falling due within this slice is waited for here (a queued job would wake a poll interval late).
        const { nextRetryAt } = await leftover(c);
        const untilRetry = nextRetryAt ? nextRetryAt.getTime() - Date.now() : Infinity;
        if (untilRetry < deadline - Date.now()) {
          await new Promise((r) => setTimeout(r, Math.max(0, untilRetry) + 5));
          continue;
        }
        ending = 'idle';
        break;
      }
      const slots = await takeCampaignSlots(c.id, spools.length, Math.max(0, deadline - Date.now()));
      if (slots === null || 'later' in slots) {
        for (const id of spools) await returnSpoolToCampaign(id, { claimed: false });
        ending = slots ?? 'stopped';
        break;
      }
      spools.forEach((spoolId, i) => {
        waiting++;
        const sendAt = Date.now() + slots.waitsMs[i]!;
        // The delivery itself is part 2's path (it checks the campaign still runs); if it throws (a database blip) the
        // spool's backstop job finishes it.
        const p: Promise<void> = new Promise<void>((r) => setTimeout(r, Math.max(0, slots.waitsMs[i]! - PREPARE_MS)))
          .then(() => {
            waiting--;
            return deliverSpool(spoolId, job, { paced: true, sendAt });
          })
          .catch((error: unknown) => console.error(`[campaigns] delivery of spool ${spoolId} left to its job:`, error instanceof Error ? error.message : error))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
        started++;
      });
      if (Date.now() - lastAnnounce > 1000) {
        lastAnnounce = Date.now();
        const current = c;
        await db.$transaction((tx) => announceCampaign(tx, current));
      }
    }
  } finally {
    await Promise.all(inFlight);
  }
  const now = await loadRunning(campaignId);
  if (!now) {
    // Stopped or cancelled meanwhile: that change announced the counts of its moment, and deliveries already under way
    // may have finished after it (a message with the gateway still arrives). The counts are announced once more now
    // that none is, or an open campaign page keeps showing fewer sent (and its Resume more left) than there are.
    const last = known;
    if (started > 0 && last) await db.$transaction((tx) => announceCampaign(tx, last));
    return;
  }
  if (ending === 'idle') return settle(now);
  if (ending === 'slice' && handedOver) return;
  await db.$transaction(async (tx) => {
    await dispatch(tx, now, typeof ending === 'object' ? new Date(ending.later.getTime() - 1000) : undefined);
    await announceCampaign(tx, now);
  });
}

/** The campaigns.sweep job (every minute): every running campaign gets a dispatcher (one waiting per campaign). */
export async function sweepCampaigns(): Promise<number> {
  const running = await db.campaign.findMany({ where: { status: 'running' }, select: { id: true, organizationId: true } });
  for (const c of running) await db.$transaction((tx) => dispatch(tx, c));
  return running.length;
}
