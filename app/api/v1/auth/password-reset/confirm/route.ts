import { confirmPasswordReset } from '@/server/domain/identity/password-reset';
import { passwordResetConfirmInput } from '@/server/domain/identity/user.schema';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/password-reset/confirm – set a new password with an emailed token; every session of the user ends
export const POST = withApi({ access: 'public', rateLimit: 'auth' }, async ({ body, ip }) => {
  await confirmPasswordReset({ input: body.json(passwordResetConfirmInput), ip });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
