import { registerUser } from '@/server/domain/identity/register-user';
import { registerInput } from '@/server/domain/identity/user.schema';
import { created } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/register – create an account (unless registration is disabled)
export const POST = withApi({ access: 'public', rateLimit: 'auth' }, async ({ body, ip }) => {
  const user = await registerUser({ input: body.json(registerInput), ip });
  return created(user, `/api/v1/me`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
