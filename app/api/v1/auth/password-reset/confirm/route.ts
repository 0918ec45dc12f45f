import { confirmPasswordReset } from '@/server/domain/identity/password-reset';
import { passwordResetConfirmInput } from '@/server/domain/identity/user.schema';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// POST /api/v1/auth/password-reset/confirm – set a new password with an emailed token; every session of the user ends
export const POST = withApi({ access: 'public', rateLimit: 'auth' }, async ({ body, ip }) => {
  await confirmPasswordReset({ input: body.json(passwordResetConfirmInput), ip });
  return noContent();
});
