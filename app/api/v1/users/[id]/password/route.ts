import { setUserPassword } from '@/server/domain/users/manage-users';
import { setUserPasswordInput } from '@/server/domain/users/organization-user.schema';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// PUT /api/v1/users/{id}/password – set their password; their sessions, access and refresh tokens end
export const PUT = withApi<'members:manage', { id: string }>({ access: 'members:manage', rateLimit: 'auth' }, async ({ ctx, params, body }) => {
  await setUserPassword({ ctx, id: params.id, input: body.json(setUserPasswordInput) });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
