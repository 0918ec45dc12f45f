import { rotateRefreshToken } from '@/server/domain/identity/refresh-tokens';
import { refreshInput } from '@/server/domain/identity/user.schema';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/token/refresh – rotate a refresh token into a new token pair
export const POST = withApi({ access: 'public' }, async ({ body, ip }) => ok(await rotateRefreshToken({ input: body.json(refreshInput), ip }), undefined, { secretFields: ['access', 'refresh'] }));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
