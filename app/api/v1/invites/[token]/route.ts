import { lookupInvite } from '@/server/domain/invites/accept-invite';
import { revokeInvite } from '@/server/domain/invites/manage-invites';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';
import { isUuid } from '@/server/rest/request-address';
import { notFound } from '@/server/errors';

type P = { token: string };

// GET /api/v1/invites/{token} – what an invite link is for (public: the token is the credential); 404 unknown, 410 expired
export const GET = withApi<'public', P>({ access: 'public' }, async ({ params }) => ok(await lookupInvite({ token: params.token })));

// DELETE /api/v1/invites/{id} – revoke an invite; its link stops working. The segment is a token for GET and the
// invite's id here: an id that is not a UUID names nothing (404), as withApi answers for every `{id}`.
export const DELETE = withApi<'teams:manage', P>({ access: 'teams:manage' }, async ({ ctx, params }) => {
  if (!isUuid(params.token)) throw notFound();
  await revokeInvite({ ctx, id: params.token });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, OPTIONS } = otherMethods({ GET, DELETE });
