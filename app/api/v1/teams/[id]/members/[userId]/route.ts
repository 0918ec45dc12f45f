import { removeTeamMember } from '@/server/domain/teams/team-settings';
import { parseFlag } from '@/server/rest/query-params';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// DELETE /api/v1/teams/{id}/members/{userId} – take someone off the team; ?purge=true also deletes their sessions
export const DELETE = withApi<'teams:manage', { id: string; userId: string }>({ access: 'teams:manage' }, async ({ ctx, params, url }) => {
  await removeTeamMember({ ctx, input: { teamId: params.id, userId: params.userId, purge: parseFlag(url, 'purge') ?? false } });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
