// Products and their ordered training modules.
import { z } from 'zod';
import { createModule, deleteModule, getModule, listModuleChoices, listModules, updateModule } from '../../domain/products/manage-modules';
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct } from '../../domain/products/manage-products';
import { createModuleInput, createProductInput, PRODUCT_ORDERING, updateModuleInput, updateProductInput } from '../../domain/products/product.schema';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();

export const productsRouter = router({
  list: orgProcedure('products:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(PRODUCT_ORDERING, { field: 'name', direction: 'asc' }), search: z.string().max(120).optional(), teamId: z.string().optional() }).strict())
    .query(({ ctx, input }) => listProducts({ ctx: ctx.app, page: input, ordering: input.ordering, search: input.search, teamId: input.teamId })),
  get: orgProcedure('products:read').input(id).query(({ ctx, input }) => getProduct({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('products:manage').input(createProductInput).mutation(({ ctx, input }) => createProduct({ ctx: ctx.app, input })),
  update: orgProcedure('products:manage')
    .input(z.object({ id: z.string(), patch: updateProductInput }).strict())
    .mutation(({ ctx, input }) => updateProduct({ ctx: ctx.app, id: input.id, input: input.patch })),
  delete: orgProcedure('products:manage').input(id).mutation(({ ctx, input }) => deleteProduct({ ctx: ctx.app, id: input.id })),
  modules: orgProcedure('products:read').input(z.object({ productId: z.string() }).strict()).query(({ ctx, input }) => listModules({ ctx: ctx.app, productId: input.productId })),
  moduleChoices: orgProcedure('products:read').query(({ ctx }) => listModuleChoices({ ctx: ctx.app })),
  module: orgProcedure('products:read').input(id).query(({ ctx, input }) => getModule({ ctx: ctx.app, id: input.id })),
  createModule: orgProcedure('products:manage')
    .input(z.object({ productId: z.string(), module: createModuleInput }).strict())
    .mutation(({ ctx, input }) => createModule({ ctx: ctx.app, productId: input.productId, input: input.module })),
  updateModule: orgProcedure('products:manage')
    .input(z.object({ id: z.string(), patch: updateModuleInput }).strict())
    .mutation(({ ctx, input }) => updateModule({ ctx: ctx.app, id: input.id, input: input.patch })),
  deleteModule: orgProcedure('products:manage').input(id).mutation(({ ctx, input }) => deleteModule({ ctx: ctx.app, id: input.id })),
});
