// Following an invite link: what it is for, and joining the team with it, exactly once.
import { db, type Tx } from '../../db';
import { hashPassword } from '../../auth/passwords';
import { sha256 } from '../../auth/secrets';
import type { Ctx } from '../../context';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { permissionsOfMember } from '../../auth/permissions';
import { mayGrant } from '../access/grant-rule';
import { memberAccessSelect } from '../access/member-access';
import { toUserDto } from '../identity/user.dto';
import { organizationRoleOfInvite } from './invite-role';
import { acceptInviteInput, INVITE_TOKEN, type AcceptedInviteDto, type InvitePreviewDto } from './invite.schema';

const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

type InviteState = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };
export type GoneReason = 'used' | 'withdrawn' | 'expired';

function goneReason(invite: InviteState, now: Date): GoneReason | null {
  if (invite.acceptedAt) return 'used';
  if (invite.revokedAt) return 'withdrawn';
  if (invite.expiresAt <= now) return 'expired';
  return null;
}

/** Why a link no longer works, in words a person can act on. */
function goneMessage(reason: GoneReason, invite: InviteState): string {
  if (reason === 'used') return 'This invite has already been used. Sign in to reach your team.';
  if (reason === 'withdrawn') return 'This invite was withdrawn. Ask your manager to invite you again.';
  return `This invite expired on ${DATE.format(invite.expiresAt)}. Ask your manager to invite you again.`;
}

/** 410 Gone for a link that no longer works, null for one that does. */
function gone(invite: InviteState, now: Date): AppError | null {
  const reason = goneReason(invite, now);
  return reason ? new AppError('gone', { message: goneMessage(reason, invite) }) : null;
}

async function findByToken(token: string, tx: Tx = db) {
  // SECURITY: looked up by the token's digest; an unknown or malformed token reads exactly like a missing one.
  if (!INVITE_TOKEN.test(token)) throw notFound('Invite');
  const invite = await tx.invite.findUnique({
    where: { tokenHash: sha256(token) },
    include: { team: { select: { id: true, name: true } }, organization: { select: { id: true, name: true } } },
  });
  if (!invite) throw notFound('Invite');
  return invite;
}

/** What the invite page shows for a link: the invite, or why there is none (never an error). */
export async function inviteLinkState(opts: { token: string; now?: Date }): Promise<
  { state: 'valid'; invite: InvitePreviewDto } | { state: 'unknown' } | { state: GoneReason; message: string }
> {
  try {
    return { state: 'valid', invite: await lookupInvite(opts) };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'not_found') return { state: 'unknown' };
    const invite = await findByToken(opts.token);
    const reason = goneReason(invite, opts.now ?? new Date());
    if (!reason) throw e;
    return { state: reason, message: goneMessage(reason, invite) };
  }
}

export async function lookupInvite(opts: { token: string; now?: Date }): Promise<InvitePreviewDto> {
  const invite = await findByToken(opts.token);
  const refused = gone(invite, opts.now ?? new Date());
  if (refused) throw refused;
  const existing = await db.user.findUnique({ where: { email: invite.email }, select: { passwordHash: true, firstName: true, lastName: true } });
  // An account an admin made without a password is the invitee's to claim: the link signs them up into it.
  const waiting = existing !== null && existing.passwordHash === null;
  return {
    email: invite.email,
    teamName: invite.team?.name ?? null,
    organizationName: invite.organization.name,
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
    existingAccount: existing !== null && !waiting,
    suggestedName: waiting ? { firstName: existing.firstName, lastName: existing.lastName } : null,
  };
}

/**
 * Joins the invite's team as the signed-in user (whose email must be the invited one) or as a new account for the
 * invited address. An address that already has an account must sign in: there is never a second account.
 * The invite is claimed with a conditional update first, so of two concurrent accepts exactly one wins.
 */
export async function acceptInvite(opts: { token: string; ctx: Ctx | null; input?: unknown; now?: Date }): Promise<AcceptedInviteDto> {
  const now = opts.now ?? new Date();
  const preview = await findByToken(opts.token);
  const refused = gone(preview, now);
  if (refused) throw refused;

  let signedInId: string | null = null;
  let newAccount: { firstName: string; lastName: string; passwordHash: string } | null = null;
  if (opts.ctx) {
    if (opts.ctx.actor.kind !== 'user') throw forbidden('Accepting an invite needs a user, not an API key');
    signedInId = opts.ctx.actor.id;
  } else {
    const input = acceptInviteInput.parse(opts.input ?? {});
    const existing = await db.user.findUnique({ where: { email: preview.email }, select: { passwordHash: true } });
    if (existing && existing.passwordHash !== null) throw conflict(`An account for ${preview.email} already exists: sign in to accept the invite`);
    // Hashing is slow on purpose; it happens before the transaction so no row lock waits on it.
    newAccount = { firstName: input.firstName, lastName: input.lastName, passwordHash: await hashPassword(input.password) };
  }

  return db.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({ where: { id: preview.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count === 0) throw gone((await tx.invite.findUniqueOrThrow({ where: { id: preview.id } })), now) ?? conflict('This invite can no longer be used');

    let user;
    if (signedInId) {
      user = await tx.user.findUniqueOrThrow({ where: { id: signedInId } });
      if (user.email !== preview.email) throw forbidden(`This invite was sent to ${preview.email}; you are signed in as ${user.email}. Sign in with the invited address to accept it.`);
    } else {
      // SECURITY: an account made by an admin without a password (POST /users) is claimed by the one who holds a link
      // sent to its address — the conditional update lets exactly one claim win, and never touches a password set.
      const claimedAccount = await tx.user.updateManyAndReturn({ where: { email: preview.email, passwordHash: null }, data: newAccount! });
      // The unique email index is the last word if someone signs up with this address at the same moment.
      user =
        claimedAccount[0] ??
        (await tx.user.create({ data: { email: preview.email, ...newAccount! } }).catch((e: { code?: string }) => {
          throw e.code === 'P2002' ? conflict(`An account for ${preview.email} already exists: sign in to accept the invite`) : e;
        }));
    }

    // A new person joins the organization with the role the invite stands for — if whoever sent it may still give it
    // (the grant rule, asked again now: the inviter's own role may have changed since), else as a member. An existing
    // member keeps their role: an invite is never a role change.
    const role = organizationRoleOfInvite(preview.role);
    if (preview.team) {
      const inviter = preview.invitedById
        ? await tx.membership.findUnique({ where: { userId_organizationId: { userId: preview.invitedById, organizationId: preview.organizationId } }, select: memberAccessSelect })
        : null;
      const grantable = inviter !== null && mayGrant({ permissions: permissionsOfMember(inviter), owner: inviter.role === 'owner' }, { role });
      await tx.membership.upsert({
        where: { userId_organizationId: { userId: user.id, organizationId: preview.organizationId } },
        create: { userId: user.id, organizationId: preview.organizationId, role: grantable ? role : 'member' },
        update: {},
      });
      const onTeam = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId: preview.team.id, userId: user.id } } });
      if (!onTeam) await tx.teamMember.create({ data: { organizationId: preview.organizationId, teamId: preview.team.id, userId: user.id, role: preview.role } });
      else if (preview.role === 'manager' && onTeam.role !== 'manager') await tx.teamMember.update({ where: { id: onTeam.id }, data: { role: 'manager' } });
    } else if (!(await tx.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: preview.organizationId } }, select: { id: true } }))) {
      // An invite to the organization alone stands for the membership an admin already made (with its role); once
      // they removed the person, the link has nothing left to give.
      throw new AppError('gone', { message: 'This invite was withdrawn. Ask an administrator to add you again.' });
    }
    await tx.invite.update({ where: { id: preview.id }, data: { acceptedById: user.id } });
    // They land in the organization they just joined.
    await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: preview.organizationId } });

    return { organizationId: preview.organizationId, team: preview.team && { id: preview.team.id, name: preview.team.name }, user: toUserDto(user), createdAccount: !signedInId };
  });
}
