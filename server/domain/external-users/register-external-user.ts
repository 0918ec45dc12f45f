// Registers an organization's external user (an app installation), idempotently on its uniqueId, with its own key.
import { randomUUID } from 'node:crypto';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { notFound } from '../../errors';
import { isUuid } from '../shared/ids';
import { newSecret } from '../../auth/secrets';
import { publishAccessChange } from '../../realtime/access-changes';
import { externalUserEmail } from './external-user-email';
import { registerExternalUserInput, type RegisteredExternalUserDto } from './external-user.schema';

import { EXTERNAL_KEY_PREFIX } from '../../auth/external-user-context';


function issueKey() {
  const { secret, hash, visiblePrefix } = newSecret(EXTERNAL_KEY_PREFIX.slice(0, -1), 24);
  return { secret, data: { keyHash: hash, keyPrefix: visiblePrefix, keyIssuedAt: new Date() } };
}

// Namespace of the advisory lock that serialises registrations of one uniqueId (second key: its hash).
const REGISTER_LOCK = 720_707_422;

export async function registerExternalUser(opts: { ctx: Ctx; input: unknown }): Promise<RegisteredExternalUserDto> {
  const ctx = requirePermission(opts.ctx, 'externalUsers:manage');
  const input = registerExternalUserInput.parse(opts.input);
  return db.$transaction(async (tx) => registerIn(tx, ctx, input));
}

/** registerExternalUser within the caller's transaction. */
export async function registerIn(tx: Tx, ctx: OrgCtx, input: ReturnType<typeof registerExternalUserInput.parse>): Promise<RegisteredExternalUserDto> {
  // Two registrations of one installation at once: the second waits, then finds the first (one user, one key).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTER_LOCK}::int, hashtext(${`${ctx.organizationId}|${input.uniqueId}`}))`;
  const device = { platform: input.platform, deviceName: input.deviceName, hardwareId: input.hardwareId, osVersion: input.osVersion };
  const existing = await tx.externalUser.findUnique({ where: { organizationId_uniqueId: { organizationId: ctx.organizationId, uniqueId: input.uniqueId } }, select: { userId: true } });
  if (existing) {
    const key = input.rotateKey ? issueKey() : null;
    // Rotating replaces the digest: the old key names nobody from this commit on.
    await tx.externalUser.update({ where: { userId: existing.userId }, data: { ...device, ...key?.data } });
    // Rotating also ends the sessions of redeemed links issued before (they are checked against this on each request).
    await tx.user.update({ where: { id: existing.userId }, data: { firstName: input.deviceName, ...(key && { credentialsChangedAt: new Date() }) } });
    // Streams opened with the old key (or a redeemed link) re-check their credentials, and end.
    if (key) await publishAccessChange(tx, { kind: 'credentials', userId: existing.userId });
    return { virtualUser: existing.userId, apiKey: key?.secret ?? null, previouslyRegistered: true };
  }
  const id = randomUUID();
  const user = await tx.user.create({ data: { id, email: externalUserEmail(id), firstName: input.deviceName, lastName: '' }, select: { id: true } });
  const key = issueKey();
  await tx.externalUser.create({ data: { userId: user.id, organizationId: ctx.organizationId, uniqueId: input.uniqueId, ...device, ...key.data } });
  return { virtualUser: user.id, apiKey: key.secret, previouslyRegistered: false };
}

/**
 * Ends an external user's access at once: its key stops working, every redeemed link's session ends (on its next
 * request; open streams re-check now), and its links still unspent expire. Its conversations and messages stay.
 */
export async function endExternalUserAccess(opts: { ctx: Ctx; userId: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'externalUsers:manage');
  await db.$transaction(async (tx) => {
    const found = isUuid(opts.userId) ? await tx.externalUser.findFirst({ where: { userId: opts.userId, organizationId: ctx.organizationId }, select: { userId: true } }) : null;
    if (!found) throw notFound('External user');
    const now = new Date();
    await tx.externalUser.update({ where: { userId: found.userId }, data: { keyHash: null, keyPrefix: null } });
    await tx.user.update({ where: { id: found.userId }, data: { credentialsChangedAt: now } });
    await tx.accessLink.updateMany({ where: { externalUserId: found.userId, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await publishAccessChange(tx, { kind: 'credentials', userId: found.userId });
  });
}

/** The name of the organization an external user chats with (its guest chat page's heading). */
export async function externalUserOrganizationName(ctx: Ctx): Promise<string> {
  if (ctx.actor.kind !== 'externalUser' || !ctx.organizationId) throw notFound('External user');
  const organization = await db.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  return organization.name;
}
