import { countCalls } from '@/server/domain/calls/list-calls';
import { filterParams } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/calls/count – how many calls match the filters
export const GET = withApi({ access: 'authenticated' }, async ({ ctx, url }) => ok(await countCalls({ ctx, filters: filterParams(url) })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
