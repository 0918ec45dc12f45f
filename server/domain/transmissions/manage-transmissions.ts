// Transmissions: create (checking the contact, program and account in the caller's organization — another's is 404
// like a missing one), list, read with spools, clone, delete. Sending lives in send-transmission.ts.
import { deleteMedia } from '../../media/save-media';
import { signedMediaUrl } from '../../media/signed-link';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, notFound, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { DIRECTIONS, programTransmissionInput, TRANSMISSION_STATUSES, transmissionInput, type SpoolDto, type TransmissionDto, type TransmissionOrderingField } from './transmission.schema';

/** What each sending program carries, and the sender account type it goes out from. */
export const SERVICE_OF = {
  sendsms: { service: 'sms', account: 'phone', needs: 'phone' },
  sendemail: { service: 'email', account: 'email', needs: 'email' },
  sendfax: { service: 'fax', account: 'phone', needs: 'phone' },
  voicemessage: { service: 'voice', account: 'phone', needs: 'phone' },
  voicetts: { service: 'voice', account: 'phone', needs: 'phone' },
} as const;
export type SendingProgram = keyof typeof SERVICE_OF;
export const isSendingProgram = (type: string): type is SendingProgram => type in SERVICE_OF;

const spoolInclude = { provider: { select: { id: true, name: true, type: true } } } as const satisfies Prisma.SpoolInclude;
type SpoolRow = Prisma.SpoolGetPayload<{ include: typeof spoolInclude }>;

const include = {
  contact: { select: { id: true, firstName: true, lastName: true, phone: true, email: true } },
  program: { select: { id: true, name: true, type: true } },
  account: { select: { id: true, name: true, address: true } },
  spools: { orderBy: { createdAt: 'desc' }, take: 1, include: spoolInclude },
  schedules: { where: { status: 'scheduled' }, orderBy: { at: 'asc' }, take: 1 },
  _count: { select: { spools: true } },
} as const satisfies Prisma.TransmissionInclude;
type Row = Prisma.TransmissionGetPayload<{ include: typeof include }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toSpoolDto = (s: SpoolRow): SpoolDto => ({
  id: s.id,
  transmissionId: s.transmissionId,
  provider: s.provider,
  status: s.status,
  startedAt: s.startedAt.toISOString(),
  connectedAt: iso(s.connectedAt),
  endedAt: iso(s.endedAt),
  deferredUntil: s.status === 'initiated' ? iso(s.deferredUntil) : null,
  providerMessageId: s.providerMessageId,
  response: (s.response ?? null) as Record<string, unknown> | null,
  error: s.error,
  deliveryStatus: s.deliveryStatus,
  deliveredAt: iso(s.deliveredAt),
});

const toDto = (t: Row): TransmissionDto => ({
  id: t.id,
  title: t.title,
  direction: t.direction,
  status: t.status,
  statusReason: t.statusReason,
  contactId: t.contactId,
  programId: t.programId,
  accountId: t.accountId,
  contact: t.contact ? { id: t.contact.id, name: [t.contact.firstName, t.contact.lastName].filter(Boolean).join(' '), phone: t.contact.phone, email: t.contact.email } : null,
  program: t.program,
  account: t.account,
  remoteAddress: t.remoteAddress,
  localAddress: t.localAddress,
  subject: t.subject,
  body: t.body,
  // A reader of the transmission gets a short-lived link to its fax (the media itself stays private).
  faxUrl: t.mediaId ? signedMediaUrl(t.mediaId) : null,
  attempts: t._count.spools,
  lastSpool: t.spools[0] ? toSpoolDto(t.spools[0]) : null,
  scheduledAt: iso(t.schedules[0]?.at ?? null),
  scheduleId: t.schedules[0]?.id ?? null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export async function findTransmission(ctx: OrgCtx, id: string, tx: Tx = db, opts: { lock?: boolean } = {}) {
  if (!isUuid(id)) throw notFound('Transmission');
  if (opts.lock) {
    // Serialises sends, retries, schedules and deletes of one transmission (two clicks make one attempt).
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Transmission" WHERE id = ${id}::uuid AND "organizationId" = ${ctx.organizationId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw notFound('Transmission');
  }
  const t = await tx.transmission.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!t) throw notFound('Transmission');
  return t;
}

export async function transmissionDto(id: string, tx: Tx = db): Promise<TransmissionDto> {
  return toDto(await tx.transmission.findUniqueOrThrow({ where: { id }, include }));
}

export type TransmissionFilters = { status?: string; direction?: string; programId?: string; contactId?: string; search?: string };

function listWhere(ctx: OrgCtx, f: TransmissionFilters): Prisma.TransmissionWhereInput {
  const where: Prisma.TransmissionWhereInput = { organizationId: ctx.organizationId };
  const list = <T extends string>(raw: string | undefined, allowed: readonly T[], path: string): T[] | undefined => {
    const values = raw?.split(',').map((s) => s.trim()).filter(Boolean);
    if (!values?.length) return undefined;
    const bad = values.filter((v) => !allowed.includes(v as T));
    if (bad.length) throw validationFailed(path, `must be one of ${allowed.join(', ')}`);
    return values as T[];
  };
  const statuses = list(f.status, TRANSMISSION_STATUSES, 'status');
  if (statuses) where.status = { in: statuses };
  const directions = list(f.direction, DIRECTIONS, 'direction');
  if (directions) where.direction = { in: directions };
  for (const key of ['programId', 'contactId'] as const) {
    const v = f[key];
    if (v === undefined) continue;
    if (!isUuid(v)) throw validationFailed(key, 'must be a UUID');
    where[key] = v;
  }
  const q = f.search?.trim();
  if (q) {
    where.OR = [
      { title: { contains: q, mode: 'insensitive' } },
      { remoteAddress: { contains: q, mode: 'insensitive' } },
      { body: { contains: q, mode: 'insensitive' } },
      { contact: { OR: [{ firstName: { contains: q, mode: 'insensitive' } }, { lastName: { contains: q, mode: 'insensitive' } }, { phone: { contains: q } }, { email: { contains: q, mode: 'insensitive' } }] } },
    ];
  }
  return where;
}

export async function listTransmissions(opts: { ctx: Ctx; page: Page; ordering?: Ordering<TransmissionOrderingField>; filters?: TransmissionFilters }) {
  const ctx = requirePermission(opts.ctx, 'transmissions:read');
  const o = opts.ordering ?? { field: 'createdAt', direction: 'desc' };
  const where = listWhere(ctx, opts.filters ?? {});
  const [count, rows] = await Promise.all([db.transmission.count({ where }), db.transmission.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: rows.map(toDto) };
}

export async function getTransmission(opts: { ctx: Ctx; id: string }): Promise<TransmissionDto> {
  const ctx = requirePermission(opts.ctx, 'transmissions:read');
  const t = await findTransmission(ctx, opts.id);
  return transmissionDto(t.id);
}

/** The transmission's spools, newest first. */
export async function listSpools(opts: { ctx: Ctx; id: string }): Promise<SpoolDto[]> {
  const ctx = requirePermission(opts.ctx, 'transmissions:read');
  const t = await findTransmission(ctx, opts.id);
  const rows = await db.spool.findMany({ where: { transmissionId: t.id }, include: spoolInclude, orderBy: { createdAt: 'desc' } });
  return rows.map(toSpoolDto);
}

export async function transmissionResult(opts: { ctx: Ctx; id: string }) {
  const ctx = requirePermission(opts.ctx, 'transmissions:read');
  const t = await findTransmission(ctx, opts.id);
  const spools = await db.spool.findMany({ where: { transmissionId: t.id }, orderBy: { createdAt: 'asc' } });
  return {
    status: t.status,
    statusReason: t.statusReason,
    steps: spools.map((s) => ({ spoolId: s.id, status: s.status, providerMessageId: s.providerMessageId, deliveryStatus: s.deliveryStatus, error: s.error, startedAt: s.startedAt.toISOString(), endedAt: iso(s.endedAt) })),
  };
}

export async function getSpool(opts: { ctx: Ctx; id: string }): Promise<SpoolDto> {
  const ctx = requirePermission(opts.ctx, 'transmissions:read');
  if (!isUuid(opts.id)) throw notFound('Spool');
  const s = await db.spool.findFirst({ where: { id: opts.id, organizationId: ctx.organizationId }, include: spoolInclude });
  if (!s) throw notFound('Spool');
  return toSpoolDto(s);
}

/**
 * The references of a new transmission, each looked up in the caller's organization (another's is 404). A sending
 * program needs a contact it can reach (a phone or an email address) and a sender account of the right type.
 */
async function checkedReferences(tx: Tx, ctx: OrgCtx, input: { contactId: string; programId: string; accountId?: string; direction: 'outbound' | 'inbound' }) {
  const program = await tx.program.findFirst({ where: { id: input.programId, organizationId: ctx.organizationId }, select: { id: true, type: true } });
  if (!program) throw notFound('Program');
  const contact = await tx.contact.findFirst({ where: { id: input.contactId, organizationId: ctx.organizationId }, select: { id: true, email: true, phone: true } });
  if (!contact) throw notFound('Contact');
  let account: { id: string; type: string } | null = null;
  if (input.accountId) {
    account = await tx.account.findFirst({ where: { id: input.accountId, organizationId: ctx.organizationId }, select: { id: true, type: true } });
    if (!account) throw notFound('Account');
  }
  if (input.direction === 'outbound') {
    if (!isSendingProgram(program.type)) throw validationFailed('programId', `a ${program.type} program handles inbound traffic and sends nothing: choose a sendsms, sendemail, sendfax, voicemessage or voicetts program`);
    const spec = SERVICE_OF[program.type];
    if (spec.needs === 'email' && !contact.email) throw validationFailed('contactId', 'this contact has no email address');
    if (account && account.type !== spec.account) throw validationFailed('accountId', `a ${program.type} program sends from ${spec.account === 'email' ? 'an email' : 'a phone'} account`);
  }
  return { contact, program, account };
}

export async function createTransmission(opts: { ctx: Ctx; input: unknown; programId?: string }): Promise<TransmissionDto> {
  const ctx = requirePermission(opts.ctx, 'transmissions:send');
  const input = opts.programId ? { ...programTransmissionInput.parse(opts.input), programId: opts.programId } : transmissionInput.parse(opts.input);
  if (opts.programId && !isUuid(opts.programId)) throw notFound('Program');
  return db.$transaction(async (tx) => {
    const refs = await checkedReferences(tx, ctx, input);
    const created = await tx.transmission.create({
      data: {
        organizationId: ctx.organizationId,
        title: input.title ?? null,
        contactId: refs.contact.id,
        programId: refs.program.id,
        accountId: refs.account?.id ?? null,
        direction: input.direction,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      },
    });
    return transmissionDto(created.id, tx);
  });
}

/** A copy, not sent: same title, contact, program and account. */
export async function cloneTransmission(opts: { ctx: Ctx; id: string }): Promise<{ transmissionId: string }> {
  const ctx = requirePermission(opts.ctx, 'transmissions:send');
  return db.$transaction(async (tx) => {
    const t = await findTransmission(ctx, opts.id, tx);
    if (t.accessLinkId) throw conflict('An access link’s text cannot be cloned: send the link again from the conversation');
    if (t.direction === 'inbound' || !t.contactId || !t.programId) throw conflict('An inbound transmission cannot be cloned: it was received, not sent');
    const copy = await tx.transmission.create({ data: { organizationId: ctx.organizationId, title: t.title, contactId: t.contactId, programId: t.programId, accountId: t.accountId, direction: 'outbound', createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null } });
    return { transmissionId: copy.id };
  });
}

export async function deleteTransmission(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'transmissions:send');
  await db.$transaction(async (tx) => {
    const t = await findTransmission(ctx, opts.id, tx, { lock: true });
    if (t.status === 'processing') throw conflict('This transmission is being delivered right now: delete it when the attempt is over');
    await tx.transmission.delete({ where: { id: t.id } });
    if (t.mediaId) await deleteMedia(tx, t.mediaId);
  });
}

export const programTransmissions = async (opts: { ctx: Ctx; programId: string; page: Page }) => {
  const ctx = requirePermission(opts.ctx, 'transmissions:read');
  if (!isUuid(opts.programId) || !(await db.program.findFirst({ where: { id: opts.programId, organizationId: ctx.organizationId }, select: { id: true } }))) throw notFound('Program');
  return listTransmissions({ ctx, page: opts.page, filters: { programId: opts.programId } });
};
