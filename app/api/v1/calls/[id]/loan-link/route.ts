import { z } from 'zod';
import { sendLoanLink } from '@/server/domain/calls/send-loan-link';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/calls/{id}/loan-link – send the organization's loan link to the call's customer ({ channel: email|sms })
export const POST = withApi<'authenticated', { id: string }>({ access: 'authenticated' }, async ({ ctx, params, body }) =>
  ok(await sendLoanLink({ ctx, id: params.id, input: body.json(z.unknown()) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
