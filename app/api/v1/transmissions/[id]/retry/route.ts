import { retryTransmission } from '@/server/domain/transmissions/send-transmission';
import { created } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// POST /api/v1/transmissions/{id}/retry – a new attempt after a failed one → { spoolId }
export const POST = withApi<'transmissions:send', P>({ access: 'transmissions:send', acceptsBody: false }, async ({ ctx, params }) => {
  const result = await retryTransmission({ ctx, id: params.id });
  return created(result, `/api/v1/spools/${result.spoolId}/status`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
