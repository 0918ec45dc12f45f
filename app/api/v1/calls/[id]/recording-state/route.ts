import { z } from 'zod';
import { setCallRecording } from '@/server/domain/calls/call-recording';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/v1/calls/{id}/recording-state – the call's dealer starts or stops recording their side (the customer is told)
export const PUT = withApi<'authenticated', { id: string }>({ access: 'authenticated' }, async ({ ctx, params, body }) =>
  ok(await setCallRecording({ ctx, id: params.id, input: body.json(z.unknown()) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
