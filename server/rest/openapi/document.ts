// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (served at /api/v1/openapi.json).
import { createDocument } from 'zod-openapi';
import { identityPaths } from './paths/identity';
import { organizationPaths } from './paths/organizations';
import { operation } from './operation';
import { z } from 'zod';

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Pitchcraft API',
      version: '1.0.0',
      description: 'The public REST API of Pitchcraft. Conventions (errors, lists, idempotency, rate limits) are described in API.md §1.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Access token from POST /auth/token, or an API key' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
    paths: {
      ...identityPaths,
      ...organizationPaths,
      '/openapi.json': { get: operation({ summary: 'This document', tags: ['Meta'], access: 'public', responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } } }) },
    },
  });
  return cached;
}
