import { inviteLink } from '@/server/domain/invites/manage-invites';
import { notFound } from '@/server/errors';
import { ok } from '@/server/rest/respond';
import { otherMethods } from '@/server/rest/other-methods';
import { isUuid } from '@/server/rest/request-address';
import { withApi } from '@/server/rest/with-api';

// GET /api/v1/invites/{id}/link – the invite's link, for a manager to hand over another way (409 once expired: resend it)
export const GET = withApi<'teams:manage', { token: string }>({ access: 'teams:manage' }, async ({ ctx, params }) => {
  if (!isUuid(params.token)) throw notFound();
  return ok(await inviteLink({ ctx, id: params.token }));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
