// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (served at /api/v1/openapi.json).
import { createDocument } from 'zod-openapi';
import { identityPaths } from './paths/identity';
import { organizationPaths } from './paths/organizations';
import { callPaths } from './paths/calls';
import { coachingPaths } from './paths/coaching';
import { realtimePaths } from './paths/realtime';
import { userPaths } from './paths/users';
import { outboundPaths } from './paths/outbound';
import { campaignPaths } from './paths/campaigns';
import { outboundDeliveryPaths } from './paths/outbound-delivery';
import { conversationPaths } from './paths/conversations';
import { operation } from './operation';
import { z } from 'zod';

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Pitchcraft API',
      version: '1.0.0',
      description: [
        'The public REST API of Pitchcraft.',
        '',
        '- **Authentication**: `Authorization: Bearer <access token>` from `POST /auth/token` (`X-Organization-Id` selects another of your organizations), or an organization API key as `X-Api-Key` or `Authorization: Bearer pk_…`.',
        '- **Errors** are `application/problem+json` with a stable `code` (`validation_failed` carries `errors: [{ path, message }]`). Another organization\'s id is answered 404, and so is an `{id}` that is not a UUID. A method a path does not take is 405 `method_not_allowed` with `Allow`.',
        '- **Input** is strict: JSON bodies are UTF-8 (another declared charset is 415), no text may contain a NUL character or invalid Unicode, dates are ISO 8601 (`YYYY-MM-DD`; timestamps such as `2024-05-01T09:30:00Z`, years 0001–9999) and integers in a query are decimal digits (`0x10`, `1e3`, ` 5` are 422).',
        '- **Lists** take `limit` (default 50, max 200), `offset` (alias `skip`) and `ordering` (`field` or `-field`) and answer `{ count, next, previous, results }`.',
        '- **Idempotency**: any POST accepts `Idempotency-Key` (at most 255 characters); a repeat by the same caller in the same organization with the same body within 24 h replays the first response (`Idempotent-Replayed: true`), a different body is 409. A replay never repeats a secret (an API key, a token): those fields are null and `Idempotent-Replay-Omitted` names them.',
        '- **Rate limits**: every response carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`; 429 carries `Retry-After`.',
      ].join('\n'),
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Access token from POST /auth/token, or an API key' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        callToken: { type: 'apiKey', in: 'header', name: 'X-Call-Token', description: "A customer's own call token (from POST /calls): opens that call only" },
        organizationToken: { type: 'apiKey', in: 'header', name: 'X-Organization-Token', description: "An organization's public call token, for POST /calls and POST /leads" },
      },
    },
    paths: {
      ...identityPaths,
      ...organizationPaths,
      ...callPaths,
      ...coachingPaths,
      ...realtimePaths,
      ...userPaths,
      ...outboundPaths,
      ...outboundDeliveryPaths,
      ...campaignPaths,
      ...conversationPaths,
      '/openapi.json': { get: operation({ summary: 'This document', tags: ['Meta'], access: 'public', responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } } }) },
    },
  });
  return cached;
}
