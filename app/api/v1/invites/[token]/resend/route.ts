import { resendInvite } from '@/server/domain/invites/manage-invites';
import { notFound } from '@/server/errors';
import { ok } from '@/server/rest/respond';
import { otherMethods } from '@/server/rest/other-methods';
import { isUuid } from '@/server/rest/request-address';
import { withApi } from '@/server/rest/with-api';

// POST /api/v1/invites/{id}/resend – email the invite again with a fresh link (the old one stops working); also for an expired invite
export const POST = withApi<'teams:manage', { token: string }>({ access: 'teams:manage' }, async ({ ctx, params }) => {
  if (!isUuid(params.token)) throw notFound();
  return ok(await resendInvite({ ctx, id: params.token }));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
