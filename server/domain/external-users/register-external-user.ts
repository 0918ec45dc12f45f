// Registers an organization's external user (an app installation), idempotently on its uniqueId, with its own key.
import { randomUUID } from 'node:crypto';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
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
  return db.$transaction(async (tx) => register(tx, ctx, input));
}

async function register(tx: Tx, ctx: OrgCtx, input: ReturnType<typeof registerExternalUserInput.parse>): Promise<RegisteredExternalUserDto> {
  // Two registrations of one installation at once: the second waits, then finds the first (one user, one key).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTER_LOCK}::int, hashtext(${`${ctx.organizationId}|${input.uniqueId}`}))`;
  const device = { platform: input.platform, deviceName: input.deviceName, hardwareId: input.hardwareId, osVersion: input.osVersion };
  const existing = await tx.externalUser.findUnique({ where: { organizationId_uniqueId: { organizationId: ctx.organizationId, uniqueId: input.uniqueId } }, select: { userId: true } });
  if (existing) {
    const key = input.rotateKey ? issueKey() : null;
    // Rotating replaces the digest: the old key names nobody from this commit on.
    await tx.externalUser.update({ where: { userId: existing.userId }, data: { ...device, ...key?.data } });
    await tx.user.update({ where: { id: existing.userId }, data: { firstName: input.deviceName } });
    // Streams opened with the old key re-check their credentials, and end.
    if (key) await publishAccessChange(tx, { kind: 'credentials', userId: existing.userId });
    return { virtualUser: existing.userId, apiKey: key?.secret ?? null, previouslyRegistered: true };
  }
  const id = randomUUID();
  const user = await tx.user.create({ data: { id, email: externalUserEmail(id), firstName: input.deviceName, lastName: '' }, select: { id: true } });
  const key = issueKey();
  await tx.externalUser.create({ data: { userId: user.id, organizationId: ctx.organizationId, uniqueId: input.uniqueId, ...device, ...key.data } });
  return { virtualUser: user.id, apiKey: key.secret, previouslyRegistered: false };
}
