// What the caller may do in a given organization (not only the active one); anyone outside it gets a 404.
import { db } from '../../db';
import { missingPermission, type Ctx } from '../../context';
import { permissionsOfMember, type Permission } from '../../auth/permissions';
import { memberAccessSelect } from '../access/member-access';
import type { Role } from '../../generated/prisma/enums';
import { notFound } from '../../errors';
import { isUuid } from '../shared/ids';

export type OrganizationAccess = { organizationId: string; role: Role | null; customRole?: { id: string; name: string } | null; permissions: ReadonlySet<Permission> };

export async function organizationAccess(ctx: Ctx, organizationId: string, needs?: Permission): Promise<OrganizationAccess> {
  let access: OrganizationAccess | null = null;
  if (ctx.actor.kind === 'apiKey') {
    if (ctx.organizationId === organizationId) access = { organizationId, role: null, permissions: ctx.permissions };
  } else if (ctx.actor.kind === 'user' && isUuid(organizationId)) {
    const m = await db.membership.findFirst({ where: { userId: ctx.actor.id, organizationId }, select: memberAccessSelect });
    if (m) access = { organizationId, role: m.role, customRole: m.customRole && { id: m.customRole.id, name: m.customRole.name }, permissions: permissionsOfMember(m) };
  }
  // SECURITY: not a member reads exactly like "does not exist".
  if (!access) throw notFound('Organization');
  if (needs && !access.permissions.has(needs)) throw missingPermission(ctx, needs);
  return access;
}

export { isUuid } from '../shared/ids';
