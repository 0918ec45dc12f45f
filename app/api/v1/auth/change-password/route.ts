import { changePassword } from '@/server/domain/identity/change-password';
import { changePasswordInput } from '@/server/domain/identity/user.schema';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/change-password – change the caller's password; other sessions' refresh tokens are revoked
export const POST = withApi({ access: 'user', rateLimit: 'auth' }, async ({ ctx, body }) => {
  await changePassword({ ctx, input: body.json(changePasswordInput) });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
