import { getTeamDashboard } from '@/server/domain/teams/team-dashboard';
import { DASHBOARD_ORDERING } from '@/server/domain/teams/team.schema';
import { parseOrdering } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/teams/{id}/dashboard – each member's average score, sessions, last activity and trend (managers only)
export const GET = withApi<'teams:manage', { id: string }>({ access: 'teams:manage' }, async ({ ctx, params, url }) =>
  ok(await getTeamDashboard({ ctx, id: params.id, ordering: parseOrdering(url, DASHBOARD_ORDERING, { field: 'name', direction: 'asc' }) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
