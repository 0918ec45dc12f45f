import { issueTokens } from '@/server/domain/identity/authenticate';
import { tokenInput } from '@/server/domain/identity/user.schema';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/auth/token – exchange email or username and password for an access and a refresh token
export const POST = withApi({ access: 'public', rateLimit: 'auth' }, async ({ body, ip }) =>
  ok(await issueTokens({ input: body.json(tokenInput), ip }), undefined, { secretFields: ['access', 'refresh'] }),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
