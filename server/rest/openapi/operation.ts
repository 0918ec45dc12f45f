// Builds OpenAPI operations from the same zod schemas the routes use, adding the conventions of API.md §1 to each.
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { ERROR_STATUS, type ErrorCode } from '../../errors';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const listOf = <S extends z.ZodType>(item: S, id: string) =>
  z
    .object({ count: z.number().int(), next: z.string().nullable(), previous: z.string().nullable(), results: z.array(item) })
    .meta({ id });

export const pageQuery = z.object({
  limit: z.number().int().min(1).max(200).optional().meta({ description: 'Page size (default 50, max 200)' }),
  offset: z.number().int().min(0).optional().meta({ description: 'Items to skip (alias: skip)' }),
});

export const idPath = z.object({ id: z.uuid().meta({ description: 'Resource id (UUID); any other value is 404' }) });

type Access = 'public' | 'authenticated' | 'user' | string;

type OperationSpec = {
  summary: string;
  tags: string[];
  access: Access;
  body?: z.ZodType;
  bodyContentTypes?: string[];
  query?: z.ZodObject;
  path?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  errors?: ErrorCode[];
};

const rateHeaders = {
  'RateLimit-Limit': { schema: { type: 'integer' as const }, description: 'Requests allowed in the window' },
  'RateLimit-Remaining': { schema: { type: 'integer' as const }, description: 'Requests left in the window' },
  'RateLimit-Reset': { schema: { type: 'integer' as const }, description: 'Seconds until the window resets' },
};

export function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: r.description,
      headers: rateHeaders,
      ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : {}),
    };
  }
  const codes = new Set<ErrorCode>(spec.errors ?? []);
  codes.add('rate_limited');
  if (spec.access !== 'public') codes.add('unauthenticated');
  if (spec.body) ['bad_request', 'validation_failed'].forEach((c) => codes.add(c as ErrorCode));
  if (spec.query) codes.add('validation_failed');
  if (spec.path) codes.add('not_found');
  if (spec.access !== 'public' && spec.access !== 'authenticated') codes.add('forbidden');
  for (const code of [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b])) {
    const status = String(ERROR_STATUS[code]) as `4${string}`;
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = {
      description: existing ? `${existing.description}; ${code}` : code,
      content: { 'application/problem+json': { schema: problemSchema } },
    };
  }
  const description = spec.access === 'public' ? 'Public: no credentials needed.' : spec.access === 'authenticated' ? 'Any access token or API key.' : spec.access === 'user' ? 'A user access token (not an API key).' : `Requires the \`${spec.access}\` permission (role or API key scope).`;
  return {
    summary: spec.summary,
    description,
    tags: spec.tags,
    ...(spec.access === 'public' ? { security: [] } : {}),
    ...(spec.query || spec.path ? { requestParams: { ...(spec.query && { query: spec.query }), ...(spec.path && { path: spec.path }) } } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: Object.fromEntries((spec.bodyContentTypes ?? ['application/json']).map((t) => [t, { schema: t === 'application/json' ? spec.body! : z.string().meta({ format: 'binary' }) }])) } }
      : {}),
    responses,
  };
}
