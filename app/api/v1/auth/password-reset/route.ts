import { requestPasswordReset } from '@/server/domain/identity/password-reset';
import { passwordResetRequestInput } from '@/server/domain/identity/user.schema';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/password-reset – email a single-use reset link (valid 1 h); 202 whether or not the address has an account
export const POST = withApi({ access: 'public', rateLimit: 'auth' }, async ({ body, ip }) => {
  await requestPasswordReset({ input: body.json(passwordResetRequestInput), ip });
  return { status: 202, body: { message: 'If an account uses this address, a reset link is on its way.' } };
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
