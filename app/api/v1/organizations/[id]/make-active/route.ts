import { makeOrganizationActive } from '@/server/domain/organizations/manage-organizations';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/organizations/{id}/make-active – make it the caller's active organization
export const POST = withApi<'user', { id: string }>({ access: 'user' }, async ({ ctx, params }) => ok(await makeOrganizationActive({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
