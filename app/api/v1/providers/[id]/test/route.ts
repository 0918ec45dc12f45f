import { z } from 'zod';
import { testProvider } from '@/server/domain/providers/manage-providers';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// POST /api/v1/providers/{id}/test – send one real test message through the gateway and report its answer
export const POST = withApi<'providers:manage', P>({ access: 'providers:manage' }, async ({ ctx, params, body }) => ok(await testProvider({ ctx, id: params.id, input: body.json(z.unknown()) })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
