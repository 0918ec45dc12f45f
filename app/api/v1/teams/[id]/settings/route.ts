import { getTeamSettings } from '@/server/domain/teams/team-settings';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';

// GET /api/v1/teams/{id}/settings – members and pending invites (the team's managers or an admin)
export const GET = withApi<'teams:manage', { id: string }>({ access: 'teams:manage' }, async ({ ctx, params }) => ok(await getTeamSettings({ ctx, id: params.id })));
