import { deleteOrganization, getOrganization, updateOrganization } from '@/server/domain/organizations/manage-organizations';
import { replaceOrganizationInput, updateOrganizationInput } from '@/server/domain/organizations/organization.schema';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/organizations/{id} – one of the caller's organizations
export const GET = withApi<'authenticated', P>({ access: 'authenticated' }, async ({ ctx, params }) => ok(await getOrganization({ ctx, id: params.id })));

// PATCH /api/v1/organizations/{id} – change some fields (admin or owner)
export const PATCH = withApi<'authenticated', P>({ access: 'authenticated' }, async ({ ctx, params, body }) =>
  ok(await updateOrganization({ ctx, id: params.id, input: body.json(updateOrganizationInput) })),
);

// PUT /api/v1/organizations/{id} – replace every field (admin or owner)
export const PUT = withApi<'authenticated', P>({ access: 'authenticated' }, async ({ ctx, params, body }) =>
  ok(await updateOrganization({ ctx, id: params.id, input: body.json(replaceOrganizationInput), replace: true })),
);

// DELETE /api/v1/organizations/{id} – delete the organization and everything in it (owner only)
export const DELETE = withApi<'authenticated', P>({ access: 'authenticated' }, async ({ ctx, params }) => {
  await deleteOrganization({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PATCH, PUT, DELETE });
