// SECURITY: a change to someone else's session (a manager deleting or re-transcribing a rep's pitch) goes into the
// organization's security log, in the transaction that makes it; a person's changes to their own sessions do not.
import type { OrgCtx } from '../../context';
import type { Tx } from '../../db';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import { actingUserId } from '../teams/team-access';

type Session = { id: string; userId: string; moduleName: string; recordedAt: Date; user: { firstName: string; lastName: string } };

export async function auditOthersSession(tx: Tx, ctx: OrgCtx, session: Session, type: 'session.deleted' | 'session.transcript_replaced' | 'session.transcription_retried') {
  if (actingUserId(ctx) === session.userId) return;
  await recordAuditEvent(
    {
      type,
      organizationId: ctx.organizationId,
      ...auditActor(ctx),
      ip: ctx.ip,
      detail: { sessionId: session.id, userId: session.userId, name: `${session.user.firstName} ${session.user.lastName}`.trim(), module: session.moduleName, recordedAt: session.recordedAt.toISOString() },
    },
    tx,
  );
}
