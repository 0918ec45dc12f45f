// The organization's security log: its audit events, newest first, with who acted, optionally of some types only.
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { MAX_LIMIT, type Page } from '../shared/list';
import type { AuditEventDto, AuditType } from './audit-event.schema';

export async function listAuditEvents(opts: { ctx: Ctx; page: Page; types?: readonly AuditType[] }): Promise<{ count: number; results: AuditEventDto[] }> {
  const ctx = requirePermission(opts.ctx, 'audit:read');
  // SECURITY: only this organization's events; those recorded without one (failed sign-ins) belong to no tenant.
  const where = { organizationId: ctx.organizationId, ...(opts.types?.length ? { type: { in: [...opts.types] } } : {}) };
  const [count, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: opts.page.offset,
      take: Math.min(opts.page.limit, MAX_LIMIT),
    }),
  ]);

  // Events keep bare ids (an actor may be deleted later): names are looked up for the page, in two queries.
  const userIds = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const keyIds = [...new Set(rows.flatMap((r) => (r.actorApiKeyId ? [r.actorApiKeyId] : [])))];
  const [users, keys] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, firstName: true, lastName: true, email: true, externalUser: { select: { userId: true } } } }) : [],
    keyIds.length ? db.apiKey.findMany({ where: { id: { in: keyIds }, organizationId: ctx.organizationId }, select: { id: true, name: true } }) : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const keyById = new Map(keys.map((k) => [k.id, k]));

  const actorOf = (r: (typeof rows)[number]): AuditEventDto['actor'] => {
    if (r.actorUserId) {
      const u = userById.get(r.actorUserId);
      // An external user's address is a placeholder under .invalid: never shown.
      if (u?.externalUser) return { kind: 'externalUser', id: r.actorUserId, name: `${u.firstName} ${u.lastName}`.trim(), email: null };
      return { kind: 'user', id: r.actorUserId, name: u ? `${u.firstName} ${u.lastName}`.trim() : null, email: u?.email ?? null };
    }
    if (r.actorApiKeyId) return { kind: 'apiKey', id: r.actorApiKeyId, name: keyById.get(r.actorApiKeyId)?.name ?? null, email: null };
    return { kind: null, id: null, name: null, email: null };
  };

  return {
    count,
    results: rows.map((r) => ({
      id: r.id,
      type: r.type,
      createdAt: r.createdAt.toISOString(),
      ip: r.ip,
      actor: actorOf(r),
      detail: r.detail && typeof r.detail === 'object' && !Array.isArray(r.detail) ? (r.detail as Record<string, unknown>) : {},
    })),
  };
}
