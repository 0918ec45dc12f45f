// Reads the stored events: what a listener missed, in order.
import { db } from '../db';
import type { RealtimeEvent } from './event';

const BATCH = 500;

type Row = { id: bigint; organizationId: string; type: string; payload: unknown; permission: string | null; userId: string | null; subject: string | null; createdAt: Date };

const toEvent = (r: Row): RealtimeEvent => ({
  id: String(r.id),
  organizationId: r.organizationId,
  type: r.type,
  payload: r.payload,
  permission: r.permission,
  userId: r.userId,
  subject: r.subject,
  createdAt: r.createdAt.toISOString(),
});

/** Events of the organization after `afterId`, oldest first, at most one batch. */
export async function eventsAfter(organizationId: string, afterId: bigint): Promise<RealtimeEvent[]> {
  const rows = await db.realtimeEvent.findMany({ where: { organizationId, id: { gt: afterId } }, orderBy: { id: 'asc' }, take: BATCH });
  return rows.map(toEvent);
}

export const EVENT_BATCH = BATCH;

/** The newest event id of the organization (0 when none): where a listener that asks for nothing old starts. */
export async function latestEventId(organizationId: string): Promise<bigint> {
  const row = await db.realtimeEvent.findFirst({ where: { organizationId }, orderBy: { id: 'desc' }, select: { id: true } });
  return row?.id ?? 0n;
}

/** The oldest event still kept for the organization, to tell a client whose cursor fell out of the 7-day window. */
export async function oldestEventId(organizationId: string): Promise<bigint | null> {
  const row = await db.realtimeEvent.findFirst({ where: { organizationId }, orderBy: { id: 'asc' }, select: { id: true } });
  return row?.id ?? null;
}
