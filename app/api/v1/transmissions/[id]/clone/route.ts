import { cloneTransmission } from '@/server/domain/transmissions/manage-transmissions';
import { created } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// POST /api/v1/transmissions/{id}/clone – a copy, not sent → { transmissionId }
export const POST = withApi<'transmissions:send', P>({ access: 'transmissions:send', acceptsBody: false }, async ({ ctx, params }) => {
  const result = await cloneTransmission({ ctx, id: params.id });
  return created(result, `/api/v1/transmissions/${result.transmissionId}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
