import { z } from 'zod';
import { saveCallNote } from '@/server/domain/calls/call-note';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/v1/calls/{id}/note – the dealer's note, once the call has ended (409 before)
export const PUT = withApi<'authenticated', { id: string }>({ access: 'authenticated' }, async ({ ctx, params, body }) =>
  ok(await saveCallNote({ ctx, id: params.id, input: body.json(z.unknown()) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
