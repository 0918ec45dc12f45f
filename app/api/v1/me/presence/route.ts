import { presenceInput } from '@/server/domain/dealers/dealer.schema';
import { setPresence } from '@/server/domain/dealers/presence';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/me/presence – the caller goes online or offline for live calls
export const POST = withApi({ access: 'calls:answer' }, async ({ ctx, body }) => ok(await setPresence({ ctx, input: body.json(presenceInput) })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
