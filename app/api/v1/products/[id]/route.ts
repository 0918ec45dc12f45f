import { deleteProduct, getProduct, updateProduct } from '@/server/domain/products/manage-products';
import { replaceProductInput, updateProductInput } from '@/server/domain/products/product.schema';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/products/{id} – a product
export const GET = withApi<'products:read', P>({ access: 'products:read' }, async ({ ctx, params }) => ok(await getProduct({ ctx, id: params.id })));

// PATCH /api/v1/products/{id} – change some fields
export const PATCH = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params, body }) =>
  ok(await updateProduct({ ctx, id: params.id, input: body.json(updateProductInput) })),
);

// PUT /api/v1/products/{id} – replace every field
export const PUT = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params, body }) =>
  ok(await updateProduct({ ctx, id: params.id, input: body.json(replaceProductInput), replace: true })),
);

// DELETE /api/v1/products/{id} – delete the product and its modules; recorded sessions stay
export const DELETE = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params }) => {
  await deleteProduct({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PATCH, PUT, DELETE });
