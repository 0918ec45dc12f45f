import { pingInput } from '@/server/domain/dealers/dealer.schema';
import { pingAsDealer } from '@/server/domain/dealers/presence';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/me/ping – the dealer's heartbeat: keeps their presence and their active call alive
export const POST = withApi({ access: 'calls:answer' }, async ({ ctx, body }) => {
  body.json(pingInput);
  await pingAsDealer({ ctx });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
