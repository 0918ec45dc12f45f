import { listSpools } from '@/server/domain/transmissions/manage-transmissions';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/transmissions/{id}/detail – its spools (delivery attempts), newest first
export const GET = withApi<'transmissions:read', P>({ access: 'transmissions:read' }, async ({ ctx, params }) => ok(await listSpools({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
