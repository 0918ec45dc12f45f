// SMS texts of the library: merge fields checked, the encoding matched to the type, segments counted.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, conflict, notFound, type FieldError } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { smsTextInput, type LibraryOrderingField, type SmsTextDto } from './library.schema';
import { mergeFieldsOf, smsShape, unknownMergeFields } from './message-text';

const include = { _count: { select: { programs: true } } } as const satisfies Prisma.SmsTextInclude;
type Row = Prisma.SmsTextGetPayload<{ include: typeof include }>;

function toDto(t: Row): SmsTextDto {
  const shape = smsShape(t.data, t.type);
  return {
    id: t.id,
    name: t.name,
    data: t.data,
    type: t.type,
    description: t.description,
    encoding: shape.encoding,
    characters: shape.characters,
    segments: shape.segments,
    mergeFields: t.type === 'binary' ? [] : mergeFieldsOf(t.data),
    programCount: t._count.programs,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function findText(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Text');
  const text = await tx.smsText.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!text) throw notFound('Text');
  return text;
}

/** The type decides what the data may hold: GSM-7 characters, anything, or hexadecimal octets. */
function checked(raw: unknown) {
  const input = smsTextInput.parse(raw);
  const errors: FieldError[] = [];
  if (input.type === 'binary') {
    const hex = input.data.replace(/\s+/g, '');
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) errors.push({ path: 'data', message: 'A binary message is hexadecimal octets, e.g. 0A1B2C' });
  } else {
    errors.push(...unknownMergeFields('data', input.data));
    const { nonGsm } = smsShape(input.data, input.type);
    if (input.type === 'plain' && nonGsm.length > 0) errors.push({ path: 'data', message: `${[...new Set(nonGsm)].join(' ')} cannot be sent in a plain (GSM-7) message: choose unicode, or remove them` });
  }
  if (errors.length > 0) throw new AppError('validation_failed', { message: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
  return input;
}

export async function listTexts(opts: { ctx: Ctx; page: Page; ordering?: Ordering<LibraryOrderingField>; search?: string }) {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const o = opts.ordering ?? { field: 'name', direction: 'asc' };
  const search = opts.search?.trim();
  const where: Prisma.SmsTextWhereInput = { organizationId: ctx.organizationId, ...(search && { name: { contains: search, mode: 'insensitive' } }) };
  const [count, rows] = await Promise.all([db.smsText.count({ where }), db.smsText.findMany({ where, include, orderBy: [{ [o.field]: o.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit })]);
  return { count, results: rows.map(toDto) };
}

export async function getText(opts: { ctx: Ctx; id: string }): Promise<SmsTextDto> {
  const ctx = requirePermission(opts.ctx, 'messages:read');
  const text = await findText(ctx, opts.id);
  return toDto(await db.smsText.findUniqueOrThrow({ where: { id: text.id }, include }));
}

export async function createText(opts: { ctx: Ctx; input: z.input<typeof smsTextInput> }): Promise<SmsTextDto> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const input = checked(opts.input);
  return toDto(await db.smsText.create({ data: { organizationId: ctx.organizationId, name: input.name, data: input.data, type: input.type, description: input.description ?? null }, include }));
}

/** PUT: every field (an absent description or type goes back to none and plain). */
export async function updateText(opts: { ctx: Ctx; id: string; input: unknown }): Promise<SmsTextDto> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  const input = checked(opts.input);
  return db.$transaction(async (tx) => {
    const text = await findText(ctx, opts.id, tx);
    return toDto(await tx.smsText.update({ where: { id: text.id }, data: { name: input.name, data: input.data, type: input.type, description: input.description ?? null }, include }));
  });
}

export async function deleteText(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'messages:manage');
  await db.$transaction(async (tx) => {
    const text = await findText(ctx, opts.id, tx);
    await assertUnused(tx, { textId: text.id });
    await tx.smsText.delete({ where: { id: text.id } });
  });
}

/** A message a program sends cannot be deleted under it (409 naming how many). */
export async function assertUnused(tx: Tx, where: Prisma.ProgramWhereInput): Promise<void> {
  const programs = await tx.program.count({ where });
  if (programs > 0) throw conflict(`${programs} ${programs === 1 ? 'program uses' : 'programs use'} this message: delete ${programs === 1 ? 'it' : 'them'} first`);
}
