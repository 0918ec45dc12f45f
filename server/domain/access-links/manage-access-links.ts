// Access links: made and sent (email through the platform mailer), previewed without spending a use, and redeemed
// atomically — concurrent redeems never exceed maxUses.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, conflict } from '../../errors';
import { signExternalAccessToken } from '../../auth/access-token';
import { open, seal } from '../../auth/sealed-secrets';
import { newSecret, sha256 } from '../../auth/secrets';
import { sendMail } from '../../mail/send-mail';
import { chooseProvider } from '../transmissions/deliver-spool';
import { startAttempt } from '../transmissions/send-transmission';
import { accessLinkUrl } from './access-link-text';
import {
  ACCESS_LINK_DEFAULT_DAYS,
  createAccessLinkInput,
  type AccessLinkDto,
  type AccessLinkPreviewDto,
  type RedeemedAccessLinkDto,
} from './access-link.schema';

const TOKEN_PREFIX = 'pal';
/** A redeemed link signs in for a day at most (and never past the link's own expiry). */
const SESSION_MS = 24 * 60 * 60 * 1000;
// Namespace of the advisory lock that serialises link creation for one external user (second key: its id's hash).
const CREATE_LOCK = 720_707_423;


const notFound = () => new AppError('not_found', { message: 'Access link not found' });
const gone = () => new AppError('gone', { message: 'This link has expired: ask for a new one' });

type Created = { dto: AccessLinkDto; token: string; id: string };

/**
 * Makes a link for an external user of the organization (or hands back the one still valid) and sends it, in one
 * transaction: the link exists if and only if its email is queued.
 */
export async function createAccessLink(opts: { ctx: Ctx; input: unknown; now?: Date }): Promise<AccessLinkDto> {
  const ctx = requirePermission(opts.ctx, 'externalUsers:manage');
  const input = createAccessLinkInput.parse(opts.input);
  return db.$transaction((tx) => createAccessLinkIn(tx, ctx, input, opts.now ?? new Date()));
}

/** createAccessLink within the caller's transaction (the browser's "send a link" registers a new customer first). */
export async function createAccessLinkIn(tx: Tx, ctx: OrgCtx, input: ReturnType<typeof createAccessLinkInput.parse>, now: Date): Promise<AccessLinkDto> {
  const user = await tx.externalUser.findFirst({ where: { userId: input.virtualUser, organizationId: ctx.organizationId }, select: { userId: true, deviceName: true } });
  if (!user) throw new AppError('validation_failed', { message: 'virtualUser: external user not found', errors: [{ path: 'virtualUser', message: 'external user not found' }] });
  // SMS goes out as a transmission through the organization's providers: without an active SMS provider (or a phone
  // account to send from) nothing is made (409), so the caller can send by email instead.
  if (input.phone) await assertCanText(tx, ctx);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CREATE_LOCK}::int, hashtext(${user.userId}::text))`;
  const link = (await reusableLink(tx, ctx, user.userId, input.botId ?? null, now)) ?? (await newLink(tx, ctx, input, now));
  if (input.email) await mailLink(tx, ctx, input.email, link);
  if (input.phone) await textLink(tx, ctx, input.phone, link, user.deviceName);
  return link.dto;
}

/** A link of this user (and bot) that still works, with its secret opened: asking again hands the same one back. */
async function reusableLink(tx: Tx, ctx: OrgCtx, userId: string, botId: string | null, now: Date): Promise<Created | null> {
  const rows = await tx.$queryRaw<{ id: string; tokenSealed: string; expiresAt: Date; maxUses: number }[]>`
    SELECT id, "tokenSealed", "expiresAt", "maxUses" FROM "AccessLink"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "externalUserId" = ${userId}::uuid AND "botId" IS NOT DISTINCT FROM ${botId}
      AND uses < "maxUses" AND "expiresAt" > ${now}
    ORDER BY "createdAt" DESC LIMIT 1`;
  const row = rows[0];
  const token = row ? open(row.tokenSealed, 'access-link') : null;
  if (!row || !token) return null;
  return { id: row.id, token, dto: { url: accessLinkUrl(token), virtualUser: userId, expiresOn: row.expiresAt.toISOString(), maxUses: row.maxUses, previouslyCreated: true } };
}

async function newLink(tx: Tx, ctx: OrgCtx, input: ReturnType<typeof createAccessLinkInput.parse>, now: Date): Promise<Created> {
  const { secret, hash } = newSecret(TOKEN_PREFIX, 24);
  const expiresAt = input.expiresOn ? new Date(input.expiresOn) : new Date(now.getTime() + ACCESS_LINK_DEFAULT_DAYS * 86_400_000);
  const created = await tx.accessLink.create({
    select: { id: true },
    data: {
      organizationId: ctx.organizationId,
      externalUserId: input.virtualUser,
      botId: input.botId ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      tokenHash: hash,
      tokenSealed: seal(secret, 'access-link'),
      maxUses: input.maxUses,
      expiresAt,
      createdById: ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind === 'apiKey' ? ctx.actor.createdById : null,
      createdAt: now,
    },
  });
  return { id: created.id, token: secret, dto: { url: accessLinkUrl(secret), virtualUser: input.virtualUser, expiresOn: expiresAt.toISOString(), maxUses: input.maxUses, previouslyCreated: false } };
}

async function assertCanText(tx: Tx, ctx: OrgCtx): Promise<void> {
  if (!(await chooseProvider(ctx.organizationId, 'sms', tx))) throw conflict('No active SMS provider is set up: connect one under Settings → Providers, or send the link by email');
  const account = await tx.account.findFirst({ where: { organizationId: ctx.organizationId, type: 'phone', active: true }, select: { id: true } });
  if (!account) throw conflict('No active phone account to text from: add one under Sender accounts, or send the link by email');
}

/**
 * Texts the link through the outbound providers: a transmission of the link (no contact, no program, no stored text)
 * with its first attempt and delivery job, in the caller's transaction — the link exists if and only if its text is
 * queued. The worker composes the text from the link's sealed secret when it delivers.
 */
async function textLink(tx: Tx, ctx: OrgCtx, phone: string, link: Created, name: string): Promise<void> {
  const t = await tx.transmission.create({
    select: { id: true, organizationId: true },
    data: {
      organizationId: ctx.organizationId,
      title: `Access link for ${name}`.slice(0, 200),
      direction: 'outbound',
      accessLinkId: link.id,
      remoteAddress: phone,
      createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    },
  });
  await startAttempt(tx, t, { cancelSchedules: false });
}

const EXPIRY = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

async function mailLink(tx: Tx, ctx: OrgCtx, to: string, link: Created): Promise<void> {
  const senderId = ctx.actor.kind === 'user' ? ctx.actor.id : ctx.actor.kind === 'apiKey' ? ctx.actor.createdById : null;
  const [organization, sender] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } }),
    senderId ? tx.user.findUnique({ where: { id: senderId }, select: { firstName: true, lastName: true } }) : null,
  ]);
  await sendMail(tx, {
    organizationId: ctx.organizationId,
    to,
    template: 'access-link',
    data: {
      organizationName: organization.name,
      senderName: sender ? `${sender.firstName} ${sender.lastName}`.trim() : null,
      url: link.dto.url,
      expiresOn: `${EXPIRY.format(new Date(link.dto.expiresOn))} UTC`,
      maxUses: link.dto.maxUses,
    },
  });
}

/** What the confirmation page shows. SECURITY: reading spends nothing, so mail scanners opening links use none up. */
export async function previewAccessLink(opts: { token: string; now?: Date }): Promise<AccessLinkPreviewDto> {
  const now = opts.now ?? new Date();
  const link = await db.accessLink.findUnique({
    where: { tokenHash: sha256(opts.token) },
    select: { externalUserId: true, expiresAt: true, maxUses: true, uses: true, organization: { select: { name: true } }, externalUser: { select: { deviceName: true } } },
  });
  if (!link) throw notFound();
  if (link.uses >= link.maxUses || link.expiresAt <= now) throw gone();
  return { organizationName: link.organization.name, virtualUser: link.externalUserId, name: link.externalUser.deviceName, expiresAt: link.expiresAt.toISOString(), usesLeft: link.maxUses - link.uses };
}

/**
 * Spends one use and answers an access token acting as the link's external user. SECURITY: one conditional UPDATE
 * decides — PostgreSQL re-checks `uses < maxUses` on the locked row after a concurrent redeem commits — so however
 * many redeem at once, at most maxUses succeed (and a CHECK constraint holds it in the table too).
 */
export async function redeemAccessLink(opts: { token: string; now?: Date }): Promise<RedeemedAccessLinkDto> {
  const now = opts.now ?? new Date();
  const hash = sha256(opts.token);
  const spent = await db.$queryRaw<{ id: string; externalUserId: string; expiresAt: Date }[]>`
    UPDATE "AccessLink" SET uses = uses + 1
    WHERE "tokenHash" = ${hash} AND uses < "maxUses" AND "expiresAt" > ${now}
    RETURNING id, "externalUserId", "expiresAt"`;
  const link = spent[0];
  if (!link) {
    const known = await db.accessLink.findUnique({ where: { tokenHash: hash }, select: { id: true } });
    throw known ? gone() : notFound();
  }
  const expiresAt = new Date(Math.min(link.expiresAt.getTime(), now.getTime() + SESSION_MS));
  return { access: await signExternalAccessToken(link.externalUserId, expiresAt, link.id), expiresAt: expiresAt.toISOString(), virtualUser: link.externalUserId };
}

/** For the link page's status code (proxy.ts): whether a link works, is spent or expired, or is unknown. Spends nothing. */
export async function accessLinkState(token: string, now = new Date()): Promise<'valid' | 'gone' | 'unknown'> {
  const link = await db.accessLink.findUnique({ where: { tokenHash: sha256(token) }, select: { uses: true, maxUses: true, expiresAt: true } });
  if (!link) return 'unknown';
  return link.uses >= link.maxUses || link.expiresAt <= now ? 'gone' : 'valid';
}
