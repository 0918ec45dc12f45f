// Reading an organization's users: the list (search, role and status filters, ordering, pages) and one user, each with
// their role, direct grants and everything they may do. Members are found by user id within the caller's organization.
import { isBuiltInRole, knownPermissions, permissionsOfMember } from '../../auth/permissions';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { notFound } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { memberAccessSelect } from '../access/member-access';
import { mediaUrl } from '../identity/user.dto';
import { BUILT_IN_ROLES } from '../roles/role.schema';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { userFiltersInput, type OrganizationUserDto, type UserFiltersInput, type UserOrderingField } from './organization-user.schema';

/** A membership with what the users API shows and decides on. The password hash is read only as "is there one". */
export const memberSelect = {
  id: true,
  userId: true,
  organizationId: true,
  createdAt: true,
  customRoleId: true,
  ...memberAccessSelect,
  user: { select: { id: true, email: true, username: true, firstName: true, lastName: true, imageId: true, passwordHash: true } },
} as const satisfies Prisma.MembershipSelect;

export type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

/** The member's role as the API names it: a built-in role by its name, a custom role by its id. */
export const roleOf = (m: Pick<MemberRow, 'role' | 'customRole'>) =>
  m.customRole ? { id: m.customRole.id, name: m.customRole.name, builtIn: false } : { id: m.role as string, name: BUILT_IN_ROLES[m.role].name, builtIn: true };

export const memberName = (m: { user: { firstName: string; lastName: string } }) => `${m.user.firstName} ${m.user.lastName}`.trim();

// SECURITY: fields picked one by one; the hash only decides `status` and never leaves this function.
export function toOrganizationUserDto(m: MemberRow): OrganizationUserDto {
  return {
    id: m.userId,
    email: m.user.email,
    username: m.user.username,
    firstName: m.user.firstName,
    lastName: m.user.lastName,
    image: mediaUrl(m.user.imageId),
    role: roleOf(m),
    permissions: knownPermissions(m.permissions),
    effectivePermissions: [...permissionsOfMember(m)],
    status: m.user.passwordHash === null ? 'invited' : 'active',
    joinedAt: m.createdAt.toISOString(),
  };
}

/** The member with this user id in the caller's organization, or 404 (another organization's user is unknown here). */
export async function loadMember(tx: Pick<Tx, 'membership'>, ctx: OrgCtx, userId: string): Promise<MemberRow> {
  const m = isUuid(userId) ? await tx.membership.findFirst({ where: { userId, organizationId: ctx.organizationId }, select: memberSelect }) : null;
  if (!m) throw notFound('User');
  return m;
}

const contains = (value: string) => ({ contains: value, mode: 'insensitive' as const });

function usersWhere(organizationId: string, raw: UserFiltersInput | undefined): Prisma.MembershipWhereInput {
  const f = userFiltersInput.parse(raw ?? {});
  const and: Prisma.MembershipWhereInput[] = [];
  for (const word of (f.search ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    and.push({ user: { OR: [{ firstName: contains(word) }, { lastName: contains(word) }, { email: contains(word) }, { username: contains(word) }] } });
  }
  if (f.role?.length) {
    // Built-in role names match members without a custom role; UUIDs match custom roles. Anything else matches nobody.
    // (isBuiltInRole, never `in`: "valueOf" is no role.)
    const builtIn = f.role.filter(isBuiltInRole);
    const custom = f.role.filter(isUuid);
    and.push({ OR: [{ customRoleId: null, role: { in: builtIn } }, { customRoleId: { in: custom } }] });
  }
  const statuses = new Set(f.status ?? []);
  if (statuses.size === 1) and.push({ user: { passwordHash: statuses.has('invited') ? null : { not: null } } });
  return { organizationId, AND: and };
}

const orderBy = (o: Ordering<UserOrderingField>): Prisma.MembershipOrderByWithRelationInput[] => {
  const d = o.direction;
  if (o.field === 'name') return [{ user: { lastName: d } }, { user: { firstName: d } }, { id: 'asc' }];
  if (o.field === 'email') return [{ user: { email: d } }, { id: 'asc' }];
  return [{ createdAt: d }, { id: 'asc' }];
};

export async function listUsers(opts: { ctx: Ctx; filters?: UserFiltersInput; page: Page; ordering?: Ordering<UserOrderingField> }): Promise<{ count: number; results: OrganizationUserDto[] }> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const where = usersWhere(ctx.organizationId, opts.filters);
  const [count, rows] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({ where, select: memberSelect, orderBy: orderBy(opts.ordering ?? { field: 'name', direction: 'asc' }), skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toOrganizationUserDto) };
}

export async function getUser(opts: { ctx: Ctx; id: string }): Promise<OrganizationUserDto> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  return toOrganizationUserDto(await loadMember(db, ctx, opts.id));
}
