import { createModule, listModules } from '@/server/domain/products/manage-modules';
import { createModuleInput } from '@/server/domain/products/product.schema';
import { listEnvelope, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/products/{id}/modules – the product's modules in their order
export const GET = withApi<'products:read', P>({ access: 'products:read' }, async ({ ctx, params, url }) => {
  const page = parsePage(url);
  const { count, results } = await listModules({ ctx, productId: params.id, page });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/products/{id}/modules – add a module (at the end, or at `position`)
export const POST = withApi<'products:manage', P>({ access: 'products:manage' }, async ({ ctx, params, body }) => {
  const module = await createModule({ ctx, productId: params.id, input: body.json(createModuleInput) });
  return created(module, `/api/v1/modules/${module.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
