import { z } from 'zod';
import { updateDealer } from '@/server/domain/dealers/list-dealers';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PATCH /api/v1/dealers/{id} – pause or resume a member's live calls (managers), or set a dealer's phone
export const PATCH = withApi<'members:read', { id: string }>({ access: 'members:read' }, async ({ ctx, params, body }) =>
  ok(await updateDealer({ ctx, id: params.id, input: body.json(z.unknown()) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods({ PATCH });
