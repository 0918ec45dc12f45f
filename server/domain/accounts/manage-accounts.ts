// Sender accounts: the addresses outbound messages go out from (part 2 sends from them), their settings, the
// programs they are subscribed to (inbound traffic to the account runs them) and the member who owns them.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, notFound, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { defaultCountryOf } from '../contacts/contact-rules';
import { contactEmail } from '../contacts/contact.schema';
import { PHONE_HINT, toE164 } from '../shared/phone';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { findProgram } from '../programs/manage-programs';
import { accountInput, settingInput, settingNamePath, type AccountDto, type AccountOrderingField } from './account.schema';

const include = {
  owner: { select: { id: true, firstName: true, lastName: true, email: true } },
  settings: { orderBy: { name: 'asc' } },
  subscriptions: { select: { programId: true }, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.AccountInclude;
type Row = Prisma.AccountGetPayload<{ include: typeof include }>;

const toDto = (a: Row): AccountDto => ({
  id: a.id,
  name: a.name,
  type: a.type,
  address: a.address,
  active: a.active,
  owner: a.owner,
  settings: Object.fromEntries(a.settings.map((s) => [s.name, s.value])),
  programIds: a.subscriptions.map((s) => s.programId),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export async function findAccount(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Account');
  const account = await tx.account.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!account) throw notFound('Account');
  return account;
}

/** The address as stored: an email as given, a phone in E.164, an extension's digits. */
async function addressOf(ctx: OrgCtx, type: AccountDto['type'], raw: string): Promise<string> {
  if (type === 'email') {
    const parsed = contactEmail.safeParse(raw);
    if (!parsed.success) throw validationFailed('address', 'must be an email address for an email account');
    return parsed.data.toLowerCase();
  }
  if (type === 'phone') {
    const e164 = toE164(raw, await defaultCountryOf(ctx.organizationId));
    if (!e164) throw validationFailed('address', PHONE_HINT);
    return e164;
  }
  if (!/^\d{2,10}$/.test(raw)) throw validationFailed('address', 'must be an extension of 2 to 10 digits');
  return raw;
}

async function assertAddressFree(tx: Tx, ctx: OrgCtx, type: AccountDto['type'], address: string, exceptId?: string) {
  const taken = await tx.account.findFirst({ where: { organizationId: ctx.organizationId, type, address, ...(exceptId && { id: { not: exceptId } }) }, select: { id: true, name: true } });
  if (taken) throw conflict(`The account “${taken.name}” (${taken.id}) already sends from ${address}`);
}

export async function listAccounts(opts: { ctx: Ctx; page: Page; ordering?: Ordering<AccountOrderingField>; type?: string; search?: string }) {
  const ctx = requirePermission(opts.ctx, 'accounts:read');
  const o = opts.ordering ?? { field: 'name', direction: 'asc' };
  if (opts.type !== undefined && !['email', 'phone', 'extension'].includes(opts.type)) throw validationFailed('type', 'must be email, phone or extension');
  const search = opts.search?.trim();
  const where: Prisma.AccountWhereInput = {
    organizationId: ctx.organizationId,
    ...(opts.type && { type: opts.type as AccountDto['type'] }),
    ...(search && { OR: [{ name: { contains: search, mode: 'insensitive' } }, { address: { contains: search, mode: 'insensitive' } }] }),
  };
  const [count, rows] = await Promise.all([db.account.count({ where }), db.account.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: rows.map(toDto) };
}

export async function getAccount(opts: { ctx: Ctx; id: string }): Promise<AccountDto> {
  const ctx = requirePermission(opts.ctx, 'accounts:read');
  const account = await findAccount(ctx, opts.id);
  return toDto(await db.account.findUniqueOrThrow({ where: { id: account.id }, include }));
}

export async function createAccount(opts: { ctx: Ctx; input: z.input<typeof accountInput> }): Promise<AccountDto> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  const input = accountInput.parse(opts.input);
  const address = await addressOf(ctx, input.type, input.address);
  return db.$transaction(async (tx) => {
    await assertAddressFree(tx, ctx, input.type, address);
    return toDto(await tx.account.create({ data: { organizationId: ctx.organizationId, name: input.name, type: input.type, address, active: input.active }, include }));
  });
}

/** PUT: every field (the owner, settings and subscriptions have paths of their own). */
export async function updateAccount(opts: { ctx: Ctx; id: string; input: unknown }): Promise<AccountDto> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  const input = accountInput.parse(opts.input);
  const address = await addressOf(ctx, input.type, input.address);
  return db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    await assertAddressFree(tx, ctx, input.type, address, account.id);
    return toDto(await tx.account.update({ where: { id: account.id }, data: { name: input.name, type: input.type, address, active: input.active }, include }));
  });
}

export async function deleteAccount(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  await db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    const programs = await tx.program.count({ where: { accountId: account.id } });
    if (programs > 0) throw conflict(`${programs} ${programs === 1 ? 'program handles' : 'programs handle'} this account’s traffic: delete ${programs === 1 ? 'it' : 'them'} first`);
    await tx.account.delete({ where: { id: account.id } });
  });
}

export async function getAccountSetting(opts: { ctx: Ctx; id: string; name: string }) {
  const ctx = requirePermission(opts.ctx, 'accounts:read');
  const account = await findAccount(ctx, opts.id);
  const name = settingNamePath.safeParse(opts.name);
  const setting = name.success ? await db.accountSetting.findUnique({ where: { accountId_name: { accountId: account.id, name: name.data } } }) : null;
  if (!setting) throw notFound('Setting');
  return { name: setting.name, value: setting.value };
}

export async function putAccountSetting(opts: { ctx: Ctx; id: string; name: string; input: unknown }) {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  const name = settingNamePath.safeParse(opts.name);
  if (!name.success) throw validationFailed('name', name.error.issues[0]!.message);
  const { value } = settingInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    const s = await tx.accountSetting.upsert({ where: { accountId_name: { accountId: account.id, name: name.data } }, create: { accountId: account.id, name: name.data, value }, update: { value } });
    return { name: s.name, value: s.value };
  });
}

export async function deleteAccountSetting(opts: { ctx: Ctx; id: string; name: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  await db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    const { count } = await tx.accountSetting.deleteMany({ where: { accountId: account.id, name: opts.name } });
    if (count === 0) throw notFound('Setting');
  });
}

/** PUT /accounts/{id}/programs/{programId}: subscribing twice keeps one subscription. */
export async function subscribeAccount(opts: { ctx: Ctx; id: string; programId: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  await db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    const program = await findProgram(ctx, opts.programId, tx);
    await tx.accountProgram.createMany({ data: [{ accountId: account.id, programId: program.id }], skipDuplicates: true });
  });
}

export async function unsubscribeAccount(opts: { ctx: Ctx; id: string; programId?: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  await db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    if (opts.programId !== undefined) {
      const program = await findProgram(ctx, opts.programId, tx);
      await tx.accountProgram.deleteMany({ where: { accountId: account.id, programId: program.id } });
    } else await tx.accountProgram.deleteMany({ where: { accountId: account.id } });
  });
}

/** PUT /accounts/{id}/users/{userId}: a member of the organization owns the account; anyone else is 404. */
export async function assignAccountOwner(opts: { ctx: Ctx; id: string; userId: string | null }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'accounts:manage');
  await db.$transaction(async (tx) => {
    const account = await findAccount(ctx, opts.id, tx);
    if (opts.userId !== null) {
      const member = isUuid(opts.userId) ? await tx.membership.findFirst({ where: { userId: opts.userId, organizationId: ctx.organizationId }, select: { id: true } }) : null;
      if (!member) throw notFound('User');
    }
    await tx.account.update({ where: { id: account.id }, data: { ownerId: opts.userId } });
  });
}
