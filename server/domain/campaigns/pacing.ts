// A campaign's pace, shared by every worker process: send slots are taken with one atomic UPDATE of the campaign's
// nextSlotAt in PostgreSQL, so any number of dispatchers (and backstop delivery jobs) in any number of processes draw
// from one budget. The transmissions.deliver job asks here before it sends a campaign's spool (deliver-spool.ts).
import { db } from '../../db';

/**
 * Slots are (60 + this)/cpm seconds apart rather than 60/cpm: a send reaches the gateway a little after its slot (a
 * database round trip, composing, connecting), and that delay varies. Spacing cpm slots over 60.5 s keeps any 60-second
 * window at or under cpm as long as that jitter stays under half a second, at a cost of 0.8 % of the pace.
 */
export const PACING_MARGIN_SECONDS = 0.5;

/**
 * Takes up to `count` consecutive send slots of a running campaign if the first falls within `horizonMs`, and returns
 * how long to wait for each (ms from now). A slot is never earlier than now: time nobody used is not sent later in a
 * burst. null: the campaign is not running; `later`: its next slot is beyond the horizon.
 */
export async function takeCampaignSlots(campaignId: string, count: number, horizonMs: number): Promise<{ waitsMs: number[] } | { later: Date } | null> {
  const rows = await db.$queryRaw<{ first_ms: number; gap_ms: number }[]>`
    WITH c AS (
      SELECT id, GREATEST(COALESCE("nextSlotAt", now()), now()) AS base, (60.0 + ${PACING_MARGIN_SECONDS}::float8) / cpm AS gap
      FROM "Campaign" WHERE id = ${campaignId}::uuid AND status = 'running' FOR UPDATE
    )
    UPDATE "Campaign" k SET "nextSlotAt" = c.base + make_interval(secs => c.gap * ${count}::int)
    FROM c WHERE k.id = c.id AND c.base <= now() + make_interval(secs => ${horizonMs / 1000}::float8)
    RETURNING (EXTRACT(EPOCH FROM (c.base - now())) * 1000)::float8 AS first_ms, (c.gap * 1000)::float8 AS gap_ms`;
  const r = rows[0];
  if (r) return { waitsMs: Array.from({ length: count }, (_, i) => Math.max(0, r.first_ms + i * r.gap_ms)) };
  const c = await db.campaign.findUnique({ where: { id: campaignId }, select: { status: true, nextSlotAt: true } });
  return c?.status === 'running' && c.nextSlotAt ? { later: c.nextSlotAt } : null;
}

/** The campaign a spool's transmission belongs to, with its status (null: not a campaign's). */
export async function campaignOfSpool(spoolId: string): Promise<{ id: string; status: string } | null> {
  const rows = await db.$queryRaw<{ id: string; status: string }[]>`
    SELECT c.id, c.status::text AS status FROM "Spool" s JOIN "Transmission" t ON t.id = s."transmissionId" JOIN "Campaign" c ON c.id = t."campaignId"
    WHERE s.id = ${spoolId}::uuid`;
  return rows[0] ?? null;
}

/**
 * Gives a campaign's spool that was never handed to a gateway back to its campaign: the spool goes, its transmission is
 * pending again, and a resumed campaign sends it at its pace (a throttled try was not a try: it leaves no spool).
 * `claimed`: the caller holds the spool's claim (the delivery job); otherwise only an unclaimed spool is taken back.
 */
export async function returnSpoolToCampaign(spoolId: string, opts: { claimed: boolean }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const gone = opts.claimed
      ? await tx.$queryRaw<{ transmissionId: string }[]>`DELETE FROM "Spool" WHERE id = ${spoolId}::uuid AND status = 'initiated' RETURNING "transmissionId"`
      : await tx.$queryRaw<{ transmissionId: string }[]>`DELETE FROM "Spool" WHERE id = ${spoolId}::uuid AND status = 'initiated' AND "claimedUntil" IS NULL RETURNING "transmissionId"`;
    if (!gone[0]) return false;
    await tx.transmission.update({ where: { id: gone[0].transmissionId }, data: { status: 'pending' } });
    return true;
  });
}
