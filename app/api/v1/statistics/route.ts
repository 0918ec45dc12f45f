import { getStatistics } from '@/server/domain/statistics/get-statistics';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// GET /api/v1/statistics – counts for the organization, optionally within from/to
export const GET = withApi({ access: 'statistics:read' }, async ({ ctx, url }) => ok(await getStatistics({ ctx, range: Object.fromEntries(url.searchParams) })));
