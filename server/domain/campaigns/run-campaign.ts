// Running a campaign. Start makes one transmission per contact of the group (once) and queues a dispatcher; the
// dispatcher (the campaigns.dispatch job, any number of them in any worker process) locks the next due transmission
// (SKIP LOCKED) and creates its spool with a backstop transmissions.deliver job in a transaction that sees the campaign
// running (FOR SHARE), then takes the campaign's next send slot — one atomic UPDATE in PostgreSQL, (60 + 0.5)/cpm
// seconds after the last, so every process shares one budget — and the send waits for its slot, checks the campaign
// still runs, and goes through part 2's deliverSpool. A process killed at any instant leaves either no spool, or a
// spool its backstop job finishes with the same identity (same spool id: same Message-ID / idempotency token).
import { requirePermission, type Ctx } from '../../context';
import { db, type Tx } from '../../db';
import { campaignTimings } from '../../env';
import { conflict } from '../../errors';
import { enqueue } from '../../jobs/enqueue';
import type { JobContext } from '../../jobs/job-context';
import { publishEvent } from '../../realtime/publish-event';
import { deliverSpool } from '../transmissions/deliver-spool';
import { startAttempt } from '../transmissions/send-transmission';
import type { CampaignDto } from './campaign.schema';
import { campaignCounts, campaignDto, findCampaign } from './manage-campaigns';

/** How long one dispatcher job sends before it queues its successor (bounds a killed worker's lost time). */
const SLICE_MS = 20_000;
/** Deliveries one dispatcher keeps in flight (throughput when the cpm is high and a gateway is slow). */
const IN_FLIGHT = 8;
/** Sends prepared ahead of their slot (bounds what a killed dispatcher leaves to backstop jobs, sent unpaced). */
const LOOKAHEAD = 2;
/** The backstop job of a spool runs this long after it was created, unless the dispatcher finished it first. */
const BACKSTOP_SECONDS = 30;
/** An idle dispatcher (waiting for retries, other processes' deliveries, new members) looks again this soon. */
const IDLE_RECHECK_MS = 5_000;
const MAX_RETRY_DELAY_SECONDS = 900;
/**
 * Slots are (60 + this)/cpm seconds apart rather than 60/cpm: a send reaches the gateway a little after its slot (a
 * database round trip, composing, connecting), and that delay varies. Spacing cpm slots over 60.5 s keeps any 60-second
 * window at or under cpm as long as that jitter stays under half a second, at a cost of 0.8 % of the pace.
 */
const PACING_MARGIN_SECONDS = 0.5;

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

/** The state change behind PUT …/stop and a fired stop schedule. Nothing new is sent once it commits. */
export async function haltCampaign(tx: Tx, c: { id: string; organizationId: string; status: string }) {
  if (c.status !== 'running') throw conflict(`This campaign is not running (${c.status})`);
  await tx.campaign.update({ where: { id: c.id }, data: { status: 'stopped', stoppedAt: new Date() } });
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
 * The campaign's next send slot, if it falls within `horizonMs`: returns how long to wait for it. null: the campaign
 * is not running, or its next slot is further away (`later` then says when).
 */
async function takeSlot(id: string, horizonMs: number): Promise<{ waitMs: number } | { later: Date } | null> {
  const rows = await db.$queryRaw<{ wait_ms: number }[]>`
    UPDATE "Campaign" SET "nextSlotAt" = GREATEST(COALESCE("nextSlotAt", now()), now()) + make_interval(secs => (60.0 + ${PACING_MARGIN_SECONDS}::float8) / cpm)
    WHERE id = ${id}::uuid AND status = 'running' AND COALESCE("nextSlotAt", now()) <= now() + make_interval(secs => ${horizonMs / 1000}::float8)
    RETURNING GREATEST(0, EXTRACT(EPOCH FROM ("nextSlotAt" - make_interval(secs => (60.0 + ${PACING_MARGIN_SECONDS}::float8) / cpm) - now())) * 1000)::float8 AS wait_ms`;
  if (rows[0]) return { waitMs: rows[0].wait_ms };
  const c = await db.campaign.findUnique({ where: { id }, select: { status: true, nextSlotAt: true } });
  return c?.status === 'running' && c.nextSlotAt ? { later: c.nextSlotAt } : null;
}

/**
 * The next due transmission: never attempted, or failed with tries left and its backoff over (retryDelay·2^(n-1)
 * after the last attempt ended). Locked SKIP LOCKED so two dispatchers never take the same one.
 */
async function lockNextDue(tx: Tx, c: CampaignRow): Promise<{ id: string; organizationId: string } | null> {
  const base = campaignTimings().retryDelaySeconds;
  const pending = await tx.$queryRaw<{ id: string; organizationId: string }[]>`
    SELECT id, "organizationId" FROM "Transmission" WHERE "campaignId" = ${c.id}::uuid AND status = 'pending'
    ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`;
  if (pending[0]) return pending[0];
  const retry = await tx.$queryRaw<{ id: string; organizationId: string }[]>`
    SELECT t.id, t."organizationId" FROM "Transmission" t
    CROSS JOIN LATERAL (SELECT count(*) AS n, max(s."endedAt") AS last FROM "Spool" s WHERE s."transmissionId" = t.id) a
    WHERE t."campaignId" = ${c.id}::uuid AND t.status = 'failed' AND a.n < ${c.tryAllowed}
      AND a.last + make_interval(secs => LEAST(${MAX_RETRY_DELAY_SECONDS}::float8, ${base}::float8 * power(2, a.n - 1))) <= now()
    ORDER BY a.last, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED`;
  return retry[0] ?? null;
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

/** A spool for the next due transmission, if the campaign still runs (FOR SHARE: a stop commits before or after, never between). */
async function beginNext(c: CampaignRow): Promise<{ spoolId: string } | 'stopped' | 'none'> {
  return db.$transaction(async (tx) => {
    const now = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "Campaign" WHERE id = ${c.id}::uuid FOR SHARE`;
    if (now[0]?.status !== 'running') return 'stopped' as const;
    const t = await lockNextDue(tx, c);
    if (!t) return 'none' as const;
    return { spoolId: await startAttempt(tx, t, { jobAfter: new Date(Date.now() + BACKSTOP_SECONDS * 1000) }) };
  });
}

/**
 * Undoes beginNext for a spool nobody has tried to send (no claim): the spool goes, its transmission is due again.
 * Its backstop job then finds no spool and does nothing. A spool already claimed is left to finish.
 */
async function takeBack(spoolId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.$queryRaw<{ transmissionId: string }[]>`
      DELETE FROM "Spool" WHERE id = ${spoolId}::uuid AND status = 'initiated' AND "claimedUntil" IS NULL RETURNING "transmissionId"`;
    if (gone[0]) await tx.transmission.update({ where: { id: gone[0].transmissionId }, data: { status: 'pending' } });
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
  const waiting = new Set<Promise<void>>();
  let lastRefill = 0;
  let lastAnnounce = Date.now();
  let ending: 'slice' | 'idle' | 'stopped' | { later: Date } = 'slice';
  let c: CampaignRow | null = null;
  let loadedAt = 0;
  try {
    while (Date.now() < deadline && !job.signal.aborted) {
      while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      if (!c || Date.now() - loadedAt > IDLE_RECHECK_MS) {
        // Settings (tries, continuous) may change; a stop is also seen by beginNext and at each send's slot.
        c = await loadRunning(campaignId);
        loadedAt = Date.now();
      }
      if (!c) {
        ending = 'stopped';
        break;
      }
      if (c.continuous && Date.now() - lastRefill > IDLE_RECHECK_MS) {
        await addMembers(db, c, null);
        lastRefill = Date.now();
      }
      // The spool is made, then its slot taken, and its send waits for the slot on its own while this loop prepares
      // the next one: the database work overlaps the waits instead of adding to them (at cpm 600 a slot is 100 ms,
      // less than that work on a loaded machine). At most LOOKAHEAD sends wait for their slot at once.
      while (waiting.size >= LOOKAHEAD) await Promise.race(waiting);
      const next = await beginNext(c);
      if (next === 'stopped') {
        ending = 'stopped';
        break;
      }
      if (next === 'none') {
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
      const slot = await takeSlot(c.id, Math.max(0, deadline - Date.now()));
      if (slot === null || 'later' in slot) {
        await takeBack(next.spoolId);
        ending = slot ?? 'stopped';
        break;
      }
      const wait: Promise<void> = new Promise<void>((r) => setTimeout(r, slot.waitMs)).finally(() => waiting.delete(wait));
      waiting.add(wait);
      // The delivery itself is part 2's path; if it throws (database blip) the spool's backstop job finishes it. A
      // stop seen at the slot takes the spool back (never sent); one committed later lets this last send go.
      const p: Promise<void> = wait
        .then(async () => {
          if (!(await loadRunning(campaignId))) return takeBack(next.spoolId);
          return deliverSpool(next.spoolId, job);
        })
        .catch((error: unknown) => console.error(`[campaigns] delivery of spool ${next.spoolId} left to its job:`, error instanceof Error ? error.message : error))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
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
  if (!now) return;
  if (ending === 'idle') return settle(now);
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
