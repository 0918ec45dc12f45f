import { registerExternalUserInput } from '@/server/domain/external-users/external-user.schema';
import { registerExternalUser } from '@/server/domain/external-users/register-external-user';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/external-users – register an app installation (idempotent on uniqueId); its key is in this response only
export const POST = withApi({ access: 'externalUsers:manage' }, async ({ ctx, body }) => {
  const registered = await registerExternalUser({ ctx, input: body.json(registerExternalUserInput) });
  return { status: registered.previouslyRegistered ? 200 : 201, body: registered, secretFields: ['apiKey'] };
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
