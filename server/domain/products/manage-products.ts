// Products of an organization: the things reps pitch. Deleting one deletes its modules; recorded sessions keep
// their names and scores (they belong to the people who recorded them).
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { notFound, validationFailed } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../organizations/organization-access';
import type { Ordering, Page } from '../shared/list';
import { createProductInput, PRODUCT_ORDERING, replaceProductInput, updateProductInput, type ProductDto } from './product.schema';

const productInclude = { team: { select: { name: true } }, _count: { select: { modules: true } } } as const satisfies Prisma.ProductInclude;
type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;

const toProductDto = (p: ProductRow): ProductDto => ({
  id: p.id,
  name: p.name,
  image: p.image,
  teamId: p.teamId,
  teamName: p.team?.name ?? null,
  moduleCount: p._count.modules,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** The product in the caller's organization; another organization's id is simply not found. */
export async function findProduct(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Product');
  const product = await tx.product.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!product) throw notFound('Product');
  return product;
}

async function assertTeam(tx: Tx, ctx: OrgCtx, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: ctx.organizationId }, select: { id: true } });
  if (!team) throw validationFailed('teamId', 'team not found');
}

export async function listProducts(opts: { ctx: Ctx; page: Page; ordering?: Ordering<(typeof PRODUCT_ORDERING)[number]>; teamId?: string; search?: string }) {
  const ctx = requirePermission(opts.ctx, 'products:read');
  const ordering = opts.ordering ?? { field: 'name', direction: 'asc' };
  if (opts.teamId !== undefined && !isUuid(opts.teamId)) throw validationFailed('teamId', 'must be a team id');
  const where: Prisma.ProductWhereInput = {
    organizationId: ctx.organizationId,
    ...(opts.teamId && { teamId: opts.teamId }),
    ...(opts.search?.trim() && { name: { contains: opts.search.trim(), mode: 'insensitive' } }),
  };
  const [count, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, include: productInclude, orderBy: [{ [ordering.field]: ordering.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toProductDto) };
}

export async function getProduct(opts: { ctx: Ctx; id: string }): Promise<ProductDto> {
  const ctx = requirePermission(opts.ctx, 'products:read');
  const product = await findProduct(ctx, opts.id);
  return toProductDto(await db.product.findUniqueOrThrow({ where: { id: product.id }, include: productInclude }));
}

export async function createProduct(opts: { ctx: Ctx; input: z.input<typeof createProductInput> }): Promise<ProductDto> {
  const ctx = requirePermission(opts.ctx, 'products:manage');
  const input = createProductInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    await assertTeam(tx, ctx, input.teamId);
    const created = await tx.product.create({ data: { organizationId: ctx.organizationId, name: input.name, image: input.image ?? null, teamId: input.teamId ?? null }, include: productInclude });
    return toProductDto(created);
  });
}

/** PATCH changes the named fields; PUT (`replace`) sets every field, absent optional ones to null. */
export async function updateProduct(opts: { ctx: Ctx; id: string; input: unknown; replace?: boolean }): Promise<ProductDto> {
  const ctx = requirePermission(opts.ctx, 'products:manage');
  const input = opts.replace ? replaceProductInput.parse(opts.input) : updateProductInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const product = await findProduct(ctx, opts.id, tx);
    await assertTeam(tx, ctx, input.teamId);
    const data = opts.replace
      ? { name: input.name, image: input.image ?? null, teamId: input.teamId ?? null }
      : { ...(input.name !== undefined && { name: input.name }), ...(input.image !== undefined && { image: input.image }), ...(input.teamId !== undefined && { teamId: input.teamId }) };
    return toProductDto(await tx.product.update({ where: { id: product.id }, data, include: productInclude }));
  });
}

export async function deleteProduct(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'products:manage');
  await db.$transaction(async (tx) => {
    const product = await findProduct(ctx, opts.id, tx);
    await tx.product.delete({ where: { id: product.id } });
  });
}
