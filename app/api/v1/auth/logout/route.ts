import { requireUser } from '@/server/context';
import { revokeRefreshToken } from '@/server/domain/identity/refresh-tokens';
import { refreshInput } from '@/server/domain/identity/user.schema';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/logout – revoke a refresh token (and its rotations)
export const POST = withApi({ access: 'user' }, async ({ ctx, body }) => {
  await revokeRefreshToken({ userId: requireUser(ctx), refresh: body.json(refreshInput).refresh });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
