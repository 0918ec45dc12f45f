import { deleteTransmission, getTransmission } from '@/server/domain/transmissions/manage-transmissions';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/transmissions/{id} – a transmission with its last attempt and schedule
export const GET = withApi<'transmissions:read', P>({ access: 'transmissions:read' }, async ({ ctx, params }) => ok(await getTransmission({ ctx, id: params.id })));

// DELETE /api/v1/transmissions/{id} – delete it and its spools (409 while an attempt is under way)
export const DELETE = withApi<'transmissions:send', P>({ access: 'transmissions:send' }, async ({ ctx, params }) => {
  await deleteTransmission({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, OPTIONS } = otherMethods({ GET, DELETE });
