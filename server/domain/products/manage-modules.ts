// Training modules of a product, kept in order: create, read, edit, move to another place, delete.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { notFound } from '../../errors';
import { isUuid } from '../organizations/organization-access';
import { MAX_LIMIT, type Page } from '../shared/list';
import { findProduct } from './manage-products';
import { createModuleInput, replaceModuleInput, updateModuleInput, type ModuleDto } from './product.schema';

type ModuleRow = { id: string; productId: string; name: string; instructions: string[]; keywords: string[]; targetTime: number; position: number; createdAt: Date; updatedAt: Date; product: { name: string } };

const toModuleDto = (m: ModuleRow): ModuleDto => ({
  id: m.id,
  productId: m.productId,
  productName: m.product.name,
  name: m.name,
  instructions: m.instructions,
  keywords: m.keywords,
  targetTime: m.targetTime,
  position: m.position,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

const withProduct = { product: { select: { name: true } } } as const;

/** The module in the caller's organization; another organization's id is simply not found. */
export async function findModule(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Module');
  const module = await tx.module.findFirst({ where: { id, organizationId: ctx.organizationId }, include: withProduct });
  if (!module) throw notFound('Module');
  return module;
}

/** Serializes changes to one product's order: concurrent moves would otherwise interleave their renumbering. */
const lockProduct = (tx: Tx, productId: string) => tx.$executeRaw`SELECT 1 FROM "Product" WHERE id = ${productId}::uuid FOR UPDATE`;

/** Renumbers the product's modules 0..n-1, first putting `move.id` at `move.position` (clamped to the end). */
async function renumber(tx: Tx, productId: string, move?: { id: string; position: number }) {
  const siblings = await tx.module.findMany({ where: { productId }, select: { id: true, position: true }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
  const order = siblings.map((s) => s.id).filter((id) => id !== move?.id);
  if (move) order.splice(Math.min(move.position, order.length), 0, move.id);
  const current = new Map(siblings.map((s) => [s.id, s.position]));
  for (const [index, id] of order.entries()) {
    if (current.get(id) !== index) await tx.module.update({ where: { id }, data: { position: index } });
  }
}

/** In their order; a page of them when asked (the editor shows them all, MAX_LIMIT is far above any real product). */
export async function listModules(opts: { ctx: Ctx; productId: string; page?: Page }): Promise<{ count: number; results: ModuleDto[] }> {
  const ctx = requirePermission(opts.ctx, 'products:read');
  const product = await findProduct(ctx, opts.productId);
  const page = opts.page ?? { limit: MAX_LIMIT, offset: 0 };
  const [count, rows] = await Promise.all([
    db.module.count({ where: { productId: product.id } }),
    db.module.findMany({ where: { productId: product.id }, include: withProduct, orderBy: [{ position: 'asc' }, { id: 'asc' }], skip: page.offset, take: page.limit }),
  ]);
  return { count, results: rows.map(toModuleDto) };
}

export async function getModule(opts: { ctx: Ctx; id: string }): Promise<ModuleDto> {
  const ctx = requirePermission(opts.ctx, 'products:read');
  return toModuleDto(await findModule(ctx, opts.id));
}

export async function createModule(opts: { ctx: Ctx; productId: string; input: z.input<typeof createModuleInput> }): Promise<ModuleDto> {
  const ctx = requirePermission(opts.ctx, 'products:manage');
  const input = createModuleInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const product = await findProduct(ctx, opts.productId, tx);
    await lockProduct(tx, product.id);
    const count = await tx.module.count({ where: { productId: product.id } });
    const created = await tx.module.create({
      data: { organizationId: ctx.organizationId, productId: product.id, name: input.name, instructions: input.instructions, keywords: input.keywords, targetTime: input.targetTime, position: count },
    });
    if (input.position !== undefined && input.position < count) await renumber(tx, product.id, { id: created.id, position: input.position });
    await tx.product.update({ where: { id: product.id }, data: { updatedAt: new Date() } });
    return toModuleDto(await tx.module.findUniqueOrThrow({ where: { id: created.id }, include: withProduct }));
  });
}

/** PATCH changes the named fields (a `position` moves the module); PUT (`replace`) sets every field. */
export async function updateModule(opts: { ctx: Ctx; id: string; input: unknown; replace?: boolean }): Promise<ModuleDto> {
  const ctx = requirePermission(opts.ctx, 'products:manage');
  const input: z.output<typeof updateModuleInput> = opts.replace ? replaceModuleInput.parse(opts.input) : updateModuleInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const module = await findModule(ctx, opts.id, tx);
    const { position, ...fields } = input;
    if (Object.keys(fields).length) await tx.module.update({ where: { id: module.id }, data: fields });
    if (position !== undefined) {
      await lockProduct(tx, module.productId);
      await renumber(tx, module.productId, { id: module.id, position });
    }
    return toModuleDto(await tx.module.findUniqueOrThrow({ where: { id: module.id }, include: withProduct }));
  });
}

export async function deleteModule(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'products:manage');
  await db.$transaction(async (tx) => {
    const module = await findModule(ctx, opts.id, tx);
    await lockProduct(tx, module.productId);
    await tx.module.delete({ where: { id: module.id } });
    await renumber(tx, module.productId);
  });
}

/** Every module of the organization with its product's name, for pickers and filters (products, then module order). */
export async function listModuleChoices(opts: { ctx: Ctx }): Promise<{ id: string; name: string; productId: string; productName: string }[]> {
  const ctx = requirePermission(opts.ctx, 'products:read');
  const rows = await db.module.findMany({
    where: { organizationId: ctx.organizationId },
    select: { id: true, name: true, productId: true, product: { select: { name: true } } },
    orderBy: [{ product: { name: 'asc' } }, { productId: 'asc' }, { position: 'asc' }],
    take: 1000,
  });
  return rows.map((m) => ({ id: m.id, name: m.name, productId: m.productId, productName: m.product.name }));
}
