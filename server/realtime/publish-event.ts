// Publishes a realtime event: stored with the transaction that causes it and announced to every app instance on commit.
import { Prisma } from '../generated/prisma/client';
import type { Tx } from '../db';
import type { RealtimeAudience } from './event';

export const REALTIME_CHANNEL = 'pitchcraft_realtime';
// Namespace of the advisory lock that orders one organization's events (second key: hash of the organization id).
const ORDER_LOCK = 720_707_371;

type PublishedEvent = { organizationId: string; type: string; payload?: Prisma.InputJsonValue; audience?: RealtimeAudience };

/**
 * One statement does it all, so it is correct inside the caller's transaction or on its own: take the organization's
 * transaction-scoped lock, insert, notify. The lock is held until commit, so within an organization ids become
 * visible in increasing order and a reader resuming from "id > last seen" can never skip an event that commits late.
 * Publish as the last write of a transaction: the lock serialises the organization's publishers until commit.
 */
export async function publishEvent(
  // Only $queryRaw is used, so a transaction on a connection of its own (a CSV import's COPY) can publish too.
  tx: Pick<Tx, '$queryRaw'>,
  event: PublishedEvent,
  /**
   * Writes that cause the event, run by the same statement as data-modifying CTEs (`name AS (UPDATE …)`): one round
   * trip, atomic without an interactive transaction, and the ordering lock is held only for that statement.
   */
  writes: Prisma.Sql[] = [],
): Promise<string> {
  const rows = await tx.$queryRaw<{ id: bigint | string }[]>`${eventStatement(event, writes)}`;
  return String(rows[0]!.id);
}

/**
 * publishEvent's statement, for a caller that sends it itself — as the last statement of a transaction sent in one
 * round trip with its COMMIT (`sqlTransaction`), so the ordering lock is never held across a round trip. Returns one
 * row, the event's id.
 */
export function eventStatement(event: PublishedEvent, writes: Prisma.Sql[] = []): Prisma.Sql {
  const a = event.audience ?? {};
  const before = writes.length ? Prisma.sql`${Prisma.join(writes, ', ')}, ` : Prisma.empty;
  return Prisma.sql`
    WITH ${before}ordered AS (SELECT pg_advisory_xact_lock(${ORDER_LOCK}::int, hashtext(${event.organizationId}::text)))
    , stored AS (
      INSERT INTO "RealtimeEvent" ("organizationId", type, payload, permission, "userId", subject)
      SELECT ${event.organizationId}::uuid, ${event.type}, ${JSON.stringify(event.payload ?? {})}::jsonb, ${a.permission ?? null}, ${a.userId ?? null}::uuid, ${a.subject ?? null}
      FROM ordered
      RETURNING id
    )
    SELECT stored.id FROM stored, LATERAL (SELECT pg_notify(${REALTIME_CHANNEL}, ${event.organizationId}::text)) AS announced`;
}

/**
 * eventStatement for several events at once, of one organization or more: for a caller that records several
 * outcomes in one statement (a worker's deliveries that ended together), the causing writes first as in
 * eventStatement. Every organization's lock is taken before any event is stored, in one order (so two such statements
 * cannot deadlock), and held until commit; events are stored in the order given, so within an organization their ids
 * follow it. Returns one row per event, its id.
 */
export function eventsStatement(events: PublishedEvent[], writes: Prisma.Sql[] = []): Prisma.Sql {
  const rows = JSON.stringify(events.map((e, ord) => ({ ord, organizationId: e.organizationId, type: e.type, payload: e.payload ?? {}, permission: e.audience?.permission ?? null, userId: e.audience?.userId ?? null, subject: e.audience?.subject ?? null })));
  const before = writes.length ? Prisma.sql`${Prisma.join(writes, ', ')}, ` : Prisma.empty;
  return Prisma.sql`
    WITH ${before}events AS (
      SELECT * FROM json_to_recordset(${rows}::json) AS e(ord int, "organizationId" uuid, type text, payload jsonb, permission text, "userId" uuid, subject text)
    ), ordered AS (
      SELECT pg_advisory_xact_lock(${ORDER_LOCK}::int, hashtext(o::text)) FROM (SELECT DISTINCT "organizationId" AS o FROM events ORDER BY 1) organizations
    ), stored AS (
      INSERT INTO "RealtimeEvent" ("organizationId", type, payload, permission, "userId", subject)
      SELECT e."organizationId", e.type, e.payload, e.permission, e."userId", e.subject
      FROM events e WHERE (SELECT count(*) FROM ordered) > 0
      ORDER BY e.ord
      RETURNING id, "organizationId"
    )
    SELECT stored.id FROM stored, LATERAL (SELECT pg_notify(${REALTIME_CHANNEL}, stored."organizationId"::text)) AS announced`;
}

/**
 * The writes that cause an event as one statement of their own (data-modifying CTEs, as publishEvent takes them),
 * for a caller that sends it just before the event's statement in the same round trip and transaction
 * (`sqlTransaction`): the writes, their foreign-key checks included, are then done before the event's
 * statement takes the organization's lock, which is held for less — on a busy organization every publisher queues on it.
 */
export function writesStatement(writes: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`WITH ${Prisma.join(writes, ', ')} SELECT 1 AS written`;
}
