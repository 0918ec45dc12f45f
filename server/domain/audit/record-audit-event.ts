// Appends a security event (login, failed login, key created/revoked, member changes) to the audit log.
import type { Prisma } from '../../generated/prisma/client';
import type { Ctx } from '../../context';
import { db, type Tx } from '../../db';
import { publishEvent } from '../../realtime/publish-event';
import type { AuditType } from './audit-event.schema';

export type { AuditType } from './audit-event.schema';

export async function recordAuditEvent(
  event: { type: AuditType; organizationId?: string | null; actorUserId?: string | null; actorApiKeyId?: string | null; ip?: string | null; detail?: Prisma.InputJsonValue },
  tx: Tx = db,
): Promise<void> {
  const created = await tx.auditEvent.create({
    select: { id: true },
    data: {
      type: event.type,
      organizationId: event.organizationId ?? null,
      actorUserId: event.actorUserId ?? null,
      actorApiKeyId: event.actorApiKeyId ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    },
  });
  // Open security logs update live (the log's own permission decides who hears of it).
  if (event.organizationId) {
    await publishEvent(tx, { organizationId: event.organizationId, type: 'audit.recorded', payload: { id: created.id, type: event.type }, audience: { permission: 'audit:read' } });
  }
}

/** Who acted, in the audit log's columns: a user, or an API key (acting for the organization). */
/** Who did it: a person or an external user (both users), or an API key. */
export const auditActor = (ctx: Ctx) => (ctx.actor.kind === 'apiKey' ? { actorApiKeyId: ctx.actor.id } : { actorUserId: ctx.actor.id });
