import { openApiDocument } from '@/server/rest/openapi/document';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/openapi.json – the OpenAPI 3.1 document of this API
export const GET = withApi({ access: 'public' }, async () => ok(openApiDocument(), { 'Cache-Control': 'public, max-age=300' }));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
