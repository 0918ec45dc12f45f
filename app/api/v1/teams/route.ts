import { createTeam, listTeams } from '@/server/domain/teams/manage-teams';
import { createTeamInput, TEAM_ORDERING } from '@/server/domain/teams/team.schema';
import { parseFlag } from '@/server/rest/query-params';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/teams – the organization's teams (?mine=true: only the caller's)
export const GET = withApi({ access: 'teams:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, TEAM_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listTeams({ ctx, page, ordering, mine: parseFlag(url, 'mine') });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/teams – create a team; the creator leads it unless managerIds name others
export const POST = withApi({ access: 'teams:create' }, async ({ ctx, body }) => {
  const team = await createTeam({ ctx, input: body.json(createTeamInput) });
  return created(team, `/api/v1/teams/${team.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
