import { redeemAccessLink } from '@/server/domain/access-links/manage-access-links';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/access-tokens/{token}/redeem – spend one use of an access link: an access token acting as its external user
export const POST = withApi<'public', { token: string }>({ access: 'public', rateLimit: 'auth', acceptsBody: false }, async ({ params }) =>
  ok(await redeemAccessLink({ token: params.token }), undefined, { secretFields: ['access'] }),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
