import { createProduct, listProducts } from '@/server/domain/products/manage-products';
import { createProductInput, PRODUCT_ORDERING } from '@/server/domain/products/product.schema';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/products – the organization's products (?teamId, ?search)
export const GET = withApi({ access: 'products:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, PRODUCT_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listProducts({ ctx, page, ordering, teamId: url.searchParams.get('teamId') ?? undefined, search: url.searchParams.get('search') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/products – create a product
export const POST = withApi({ access: 'products:manage' }, async ({ ctx, body }) => {
  const product = await createProduct({ ctx, input: body.json(createProductInput) });
  return created(product, `/api/v1/products/${product.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
