import { deleteModule, getModule, updateModule } from '@/server/domain/products/manage-modules';
import { replaceModuleInput, updateModuleInput } from '@/server/domain/products/product.schema';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/modules/{id} – a training module
export const GET = withApi<'products:read', P>({ access: 'products:read' }, async ({ ctx, params }) => ok(await getModule({ ctx, id: params.id })));

// PATCH /api/v1/modules/{id} – change some fields; `position` moves it within its product
export const PATCH = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params, body }) =>
  ok(await updateModule({ ctx, id: params.id, input: body.json(updateModuleInput) })),
);

// PUT /api/v1/modules/{id} – replace every field
export const PUT = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params, body }) =>
  ok(await updateModule({ ctx, id: params.id, input: body.json(replaceModuleInput), replace: true })),
);

// DELETE /api/v1/modules/{id} – delete the module; the others close the gap
export const DELETE = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params }) => {
  await deleteModule({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PATCH, PUT, DELETE });
