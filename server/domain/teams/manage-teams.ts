// Teams of an organization: create (the creator leads it unless others are named), list, read, rename, change
// managers and delete. Sessions belong to people, not teams, so deleting a team loses no session.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, conflict, notFound } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import { mediaUrl } from '../identity/user.dto';
import { actingUserId, findTeam, requireTeamLead } from './team-access';
import type { Ordering, Page } from '../shared/list';
import { readListPage } from '../shared/list-query';
import { createTeamInput, replaceTeamInput, TEAM_ORDERING, updateTeamInput, type TeamDto } from './team.schema';

/**
 * A team's columns as one SELECT over `"Team" t`: its managers (oldest first) and how many people are on it, read
 * per team through the (teamId, userId) index — never by counting every team's members.
 */
const TEAM_COLUMNS = Prisma.sql`t.id, t.name, t."createdAt", t."updatedAt",
  (SELECT count(*)::int FROM "TeamMember" c WHERE c."teamId" = t.id) AS "memberCount",
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'firstName', u."firstName", 'lastName', u."lastName", 'imageId', u."imageId") ORDER BY tm."createdAt", tm.id), '[]'::json)
     FROM "TeamMember" tm JOIN "User" u ON u.id = tm."userId" WHERE tm."teamId" = t.id AND tm.role = 'manager') AS managers`;

type TeamRow = {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  memberCount: number;
  managers: Array<{ id: string; firstName: string; lastName: string; imageId: string | null }>;
};

export function toTeamDto(t: TeamRow): TeamDto {
  return {
    id: t.id,
    name: t.name,
    managerIds: t.managers.map((u) => u.id),
    managers: t.managers.map((u) => ({ id: u.id, firstName: u.firstName, lastName: u.lastName, image: mediaUrl(u.imageId) })),
    memberCount: t.memberCount,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** One team as its DTO, inside the transaction that changed it (or outside any). */
async function readTeam(tx: Tx, id: string): Promise<TeamDto> {
  const [row] = await tx.$queryRaw<TeamRow[]>`SELECT ${TEAM_COLUMNS} FROM "Team" t WHERE t.id = ${id}::uuid`;
  if (!row) throw notFound('Team');
  return toTeamDto(row);
}

/** Every named manager must already belong to the organization: 422 naming the ones who do not. */
async function assertOrganizationMembers(tx: Tx, ctx: OrgCtx, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await tx.membership.findMany({ where: { organizationId: ctx.organizationId, userId: { in: [...ids] } }, select: { userId: true } });
  const known = new Set(found.map((m) => m.userId));
  const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (missing.length) {
    throw new AppError('validation_failed', {
      message: `managerIds: ${missing.length === 1 ? 'one id is' : `${missing.length} ids are`} not a member of this organization`,
      errors: missing.map(({ i }) => ({ path: `managerIds.${i}`, message: 'is not a member of this organization' })),
    });
  }
}

const duplicateName = (name: string) => conflict(`A team named “${name}” already exists in this organization`);

async function withUniqueName<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (name !== undefined && (e as { code?: string }).code === 'P2002') throw duplicateName(name);
    throw e;
  }
}

export async function createTeam(opts: { ctx: Ctx; input: z.input<typeof createTeamInput> }): Promise<TeamDto> {
  const ctx = requirePermission(opts.ctx, 'teams:create');
  const input = createTeamInput.parse(opts.input);
  const creator = actingUserId(ctx);
  const managerIds = input.managerIds ?? (creator ? [creator] : []);
  return withUniqueName(input.name, () =>
    db.$transaction(async (tx) => {
      await assertOrganizationMembers(tx, ctx, managerIds);
      const team = await tx.team.create({ data: { organizationId: ctx.organizationId, name: input.name } });
      if (managerIds.length) await tx.teamMember.createMany({ data: managerIds.map((userId) => ({ organizationId: ctx.organizationId, teamId: team.id, userId, role: 'manager' as const })) });
      return readTeam(tx, team.id);
    }),
  );
}

/** `mine`: only the teams the caller is on (as member or manager). */
export async function listTeams(opts: { ctx: Ctx; page: Page; ordering?: Ordering<(typeof TEAM_ORDERING)[number]>; mine?: boolean }): Promise<{ count: number; results: TeamDto[] }> {
  const ctx = requirePermission(opts.ctx, 'teams:read');
  const ordering = opts.ordering ?? { field: 'name', direction: 'asc' };
  const me = actingUserId(ctx);
  // SECURITY: the tenant scope first; `mine` for an API key whose creator is gone matches nothing.
  const where = opts.mine
    ? Prisma.sql`t."organizationId" = ${ctx.organizationId}::uuid AND EXISTS (SELECT 1 FROM "TeamMember" mine WHERE mine."teamId" = t.id AND mine."userId" = ${me}::uuid)`
    : Prisma.sql`t."organizationId" = ${ctx.organizationId}::uuid`;
  const column = ordering.field === 'name' ? 't.name' : 't."createdAt"';
  const { count, rows } = await readListPage<TeamRow>(
    { select: TEAM_COLUMNS, from: Prisma.raw('"Team" t'), where, orderBy: Prisma.raw(`${column} ${ordering.direction === 'asc' ? 'ASC' : 'DESC'}, t.id ASC`) },
    opts.page,
  );
  return { count, results: rows.map(toTeamDto) };
}

export async function getTeam(opts: { ctx: Ctx; id: string }): Promise<TeamDto> {
  const ctx = requirePermission(opts.ctx, 'teams:read');
  const team = await findTeam(ctx, opts.id);
  return readTeam(db, team.id);
}

/** Rename and/or set the managers. Managers left out of a new list stay on the team as members. */
export async function updateTeam(opts: { ctx: Ctx; id: string; input: z.input<typeof updateTeamInput>; replace?: boolean }): Promise<TeamDto> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const input = opts.replace ? replaceTeamInput.parse(opts.input) : updateTeamInput.parse(opts.input);
  return withUniqueName(input.name, () =>
    db.$transaction(async (tx) => {
      const team = await requireTeamLead(ctx, opts.id, tx);
      if (input.name !== undefined && input.name !== team.name) await tx.team.update({ where: { id: team.id }, data: { name: input.name } });
      if (input.managerIds) {
        const ids = input.managerIds;
        await assertOrganizationMembers(tx, ctx, ids);
        await tx.teamMember.updateMany({ where: { teamId: team.id, role: 'manager', userId: { notIn: ids } }, data: { role: 'member' } });
        await tx.teamMember.updateMany({ where: { teamId: team.id, userId: { in: ids } }, data: { role: 'manager' } });
        await tx.teamMember.createMany({ data: ids.map((userId) => ({ organizationId: ctx.organizationId, teamId: team.id, userId, role: 'manager' as const })), skipDuplicates: true });
        await tx.team.update({ where: { id: team.id }, data: { updatedAt: new Date() } });
      }
      return readTeam(tx, team.id);
    }),
  );
}

/** Deletes the team with its memberships and pending invites; products of the team become organization-wide. */
export async function deleteTeam(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  await db.$transaction(async (tx) => {
    const team = await requireTeamLead(ctx, opts.id, tx);
    await tx.team.delete({ where: { id: team.id } });
  });
}
