import { getMe } from '@/server/domain/identity/get-me';
import { updateMe } from '@/server/domain/identity/update-me';
import { updateMeInput } from '@/server/domain/identity/user.schema';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/me – the caller's profile, organizations and coaching summary
export const GET = withApi({ access: 'authenticated' }, async ({ ctx }) => ok(await getMe({ ctx })));

// PATCH /api/v1/me – update the caller's name or username
export const PATCH = withApi({ access: 'user' }, async ({ ctx, body }) => ok(await updateMe({ ctx, input: body.json(updateMeInput) })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
