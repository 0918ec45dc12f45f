import { getStatistics } from '@/server/domain/statistics/get-statistics';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/statistics – counts for the organization, optionally within from/to
export const GET = withApi({ access: 'statistics:read' }, async ({ ctx, url }) => ok(await getStatistics({ ctx, range: Object.fromEntries(url.searchParams) })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
