// Invites people to teams in one batch: every row is checked first, and one bad row refuses the whole batch.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { env } from '../../env';
import { AppError, forbidden, type FieldError } from '../../errors';
import { seal } from '../../auth/sealed-secrets';
import { newSecret } from '../../auth/secrets';
import { appUrl } from '../../mail/app-url';
import { sendMail } from '../../mail/send-mail';
import { assertMayGrant } from '../access/grant-rule';
import { actingUserId, ledTeamIds } from '../teams/team-access';
import type { InvitedDto } from '../teams/team.schema';
import { toInvitedDto } from './invite.dto';
import { organizationRoleOfInvite } from './invite-role';
import { createInvitesInput } from './invite.schema';

type InviteRow = z.output<typeof createInvitesInput>[number];

/** Checks the batch against the organization: known teams, the caller leads them, nobody already on the team. */
async function checkBatch(tx: Tx, ctx: OrgCtx, rows: InviteRow[]) {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = `${r.teamId} ${r.email}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ path: `${i}.email`, message: `is already invited to this team in row ${first}` });
    else seen.set(key, i);
  });

  const teamIds = [...new Set(rows.map((r) => r.teamId))];
  const teams = await tx.team.findMany({ where: { organizationId: ctx.organizationId, id: { in: teamIds } }, select: { id: true, name: true } });
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  rows.forEach((r, i) => {
    if (!teamName.has(r.teamId)) errors.push({ path: `${i}.teamId`, message: 'team not found' });
  });

  const onTeam = await tx.teamMember.findMany({
    where: { teamId: { in: teams.map((t) => t.id) }, membership: { user: { email: { in: rows.map((r) => r.email) } } } },
    select: { teamId: true, membership: { select: { user: { select: { email: true } } } } },
  });
  const members = new Set(onTeam.map((m) => `${m.teamId} ${m.membership.user.email}`));
  rows.forEach((r, i) => {
    if (members.has(`${r.teamId} ${r.email}`)) errors.push({ path: `${i}.email`, message: `is already on the team “${teamName.get(r.teamId)}”` });
  });

  if (errors.length) {
    errors.sort((a, b) => parseInt(a.path, 10) - parseInt(b.path, 10));
    throw new AppError('validation_failed', { message: `Nothing was sent: ${errors.map((e) => `row ${e.path}: ${e.message}`).join('; ')}`, errors });
  }
  // SECURITY: the grant rule. A newcomer joins with the organization role the invite stands for; the inviter must hold
  // everything that role allows (a team lead who is a plain member cannot make organization managers).
  for (const role of new Set(rows.map((r) => organizationRoleOfInvite(r.role)))) {
    assertMayGrant(ctx, { role }, `the ${role} role (a ${role === 'manager' ? 'manager' : 'member'} invite makes a newcomer an organization ${role})`);
  }
  const led = await ledTeamIds(ctx, tx);
  if (led !== 'all') {
    const notLed = teams.filter((t) => !led.includes(t.id));
    if (notLed.length) throw forbidden(`Nothing was sent: you do not lead ${notLed.map((t) => `“${t.name}”`).join(', ')}`);
  }
  return teamName;
}

export type IssuedInvite = { invite: InvitedDto; token: string };

/**
 * Creates the invites inside the caller's transaction and returns each with its secret token (stored only hashed).
 * A pending invite to the same address and team is replaced, so sending again renews the link.
 */
export async function issueInvites(tx: Tx, ctx: OrgCtx, rows: InviteRow[], now = new Date()): Promise<IssuedInvite[]> {
  const teamName = await checkBatch(tx, ctx, rows);
  await tx.invite.updateMany({
    where: { organizationId: ctx.organizationId, acceptedAt: null, revokedAt: null, OR: rows.map((r) => ({ teamId: r.teamId, email: r.email })) },
    data: { revokedAt: now },
  });
  const expiresAt = new Date(now.getTime() + env().INVITE_EXPIRY_DAYS * 86_400_000);
  const issued: IssuedInvite[] = [];
  for (const r of rows) {
    const { secret, hash } = newSecret('inv', 24);
    const created = await tx.invite.create({
      data: { organizationId: ctx.organizationId, teamId: r.teamId, email: r.email, role: r.role, tokenHash: hash, tokenSealed: seal(secret, 'invite-link'), expiresAt, invitedById: actingUserId(ctx), createdAt: now },
    });
    issued.push({ invite: toInvitedDto({ ...created, teamId: r.teamId, teamName: teamName.get(r.teamId)! }, now), token: secret });
  }
  return issued;
}

const EXPIRY_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Queues the email that carries an invite's link (delivered after the caller's transaction commits). */
export async function mailInvite(tx: Tx, ctx: OrgCtx, invite: InvitedDto, token: string): Promise<void> {
  const inviterId = actingUserId(ctx);
  const [organization, inviter] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } }),
    inviterId ? tx.user.findUnique({ where: { id: inviterId }, select: { firstName: true, lastName: true } }) : null,
  ]);
  await sendMail(tx, {
    organizationId: ctx.organizationId,
    to: invite.email,
    template: 'team-invite',
    data: {
      inviterName: inviter ? `${inviter.firstName} ${inviter.lastName}` : null,
      teamName: invite.teamName,
      organizationName: organization.name,
      role: invite.role,
      url: appUrl(`/invite/${token}`),
      expiresOn: EXPIRY_DATE.format(new Date(invite.expiresAt)),
    },
  });
}

/**
 * Creates the invites and emails each its link, in one transaction: an invite exists if and only if its email is
 * queued (the mail service delivers after commit).
 */
export async function createInvites(opts: { ctx: Ctx; input: unknown }): Promise<InvitedDto[]> {
  const ctx = requirePermission(opts.ctx, 'teams:manage');
  const rows = createInvitesInput.parse(opts.input);
  const issued = await db.$transaction(async (tx) => {
    const invites = await issueInvites(tx, ctx, rows);
    for (const { invite, token } of invites) await mailInvite(tx, ctx, invite, token);
    return invites;
  });
  return issued.map((i) => i.invite);
}
