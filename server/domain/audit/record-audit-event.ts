// Appends a security event (login, failed login, key created/revoked, role change) to the audit log.
import type { Prisma } from '../../generated/prisma/client';
import { db, type Tx } from '../../db';

export type AuditType =
  | 'user.registered'
  | 'login.succeeded'
  | 'login.failed'
  | 'password.changed'
  | 'refresh_token.reused'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'member.role_changed'
  | 'organization.created'
  | 'organization.deleted';

export async function recordAuditEvent(
  event: { type: AuditType; organizationId?: string | null; actorUserId?: string | null; actorApiKeyId?: string | null; ip?: string | null; detail?: Prisma.InputJsonValue },
  tx: Tx = db,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      type: event.type,
      organizationId: event.organizationId ?? null,
      actorUserId: event.actorUserId ?? null,
      actorApiKeyId: event.actorApiKeyId ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? {},
    },
  });
}
