import { getTeamSettings } from '@/server/domain/teams/team-settings';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/teams/{id}/settings – members and pending invites (the team's managers or an admin)
export const GET = withApi<'teams:manage', { id: string }>({ access: 'teams:manage' }, async ({ ctx, params }) => ok(await getTeamSettings({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
