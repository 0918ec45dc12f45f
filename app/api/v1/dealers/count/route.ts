import { countDealers } from '@/server/domain/dealers/list-dealers';
import { filterParams } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/dealers/count – how many dealers match the filters
export const GET = withApi({ access: 'members:read' }, async ({ ctx, url }) => ok(await countDealers({ ctx, filters: filterParams(url) })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
