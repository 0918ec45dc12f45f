import { acceptInvite } from '@/server/domain/invites/accept-invite';
import { acceptInviteInput } from '@/server/domain/invites/invite.schema';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/invites/{token}/accept – join the team: as the signed-in caller, or with { firstName, lastName, password }
// for a new account on the invited address
export const POST = withApi<'public', { token: string }>({ access: 'public', identify: true, rateLimit: 'auth' }, async ({ ctx, params, body }) =>
  ok(await acceptInvite({ token: params.token, ctx, input: ctx && body.isEmpty ? undefined : body.json(acceptInviteInput) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
