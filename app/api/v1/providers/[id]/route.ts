import { z } from 'zod';
import { deleteProvider, getProvider, updateProvider } from '@/server/domain/providers/manage-providers';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/providers/{id} – a gateway (its secret never shown; hasPassword says whether one is stored)
export const GET = withApi<'providers:read', P>({ access: 'providers:read' }, async ({ ctx, params }) => ok(await getProvider({ ctx, id: params.id })));

// PUT /api/v1/providers/{id} – replace it; a body without password keeps the stored secret
export const PUT = withApi<'providers:manage', P>({ access: 'providers:manage' }, async ({ ctx, params, body }) => ok(await updateProvider({ ctx, id: params.id, input: body.json(z.unknown()) })));

// DELETE /api/v1/providers/{id} – remove it (409 while it delivers)
export const DELETE = withApi<'providers:manage', P>({ access: 'providers:manage' }, async ({ ctx, params }) => {
  await deleteProvider({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
