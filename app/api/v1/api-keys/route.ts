import { createApiKeyInput } from '@/server/domain/api-keys/api-key.schema';
import { API_KEY_ORDERING, createApiKey, listApiKeys } from '@/server/domain/api-keys/manage-api-keys';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/api-keys – the organization's active API keys (never their secrets)
export const GET = withApi({ access: 'apiKeys:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, API_KEY_ORDERING, { field: 'createdAt', direction: 'desc' });
  const { count, results } = await listApiKeys({ ctx, page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/api-keys – create a key; the secret is in this response only
export const POST = withApi({ access: 'apiKeys:manage' }, async ({ ctx, body }) => {
  const key = await createApiKey({ ctx, input: body.json(createApiKeyInput) });
  return created(key, `/api/v1/api-keys/${key.id}`, { secretFields: ['key'] });
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
