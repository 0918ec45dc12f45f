import { lookupInvite } from '@/server/domain/invites/accept-invite';
import { revokeInvite } from '@/server/domain/invites/manage-invites';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/invites/{token} – what an invite link is for (public: the token is the credential); 404 unknown, 410 expired
export const GET = withApi<'public', P>({ access: 'public' }, async ({ params }) => ok(await lookupInvite({ token: params.id })));

// DELETE /api/v1/invites/{id} – revoke an invite; its link stops working
export const DELETE = withApi<'teams:manage', P>({ access: 'teams:manage' }, async ({ ctx, params }) => {
  await revokeInvite({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, OPTIONS } = otherMethods({ GET, DELETE });
