import { deleteTeam, getTeam, updateTeam } from '@/server/domain/teams/manage-teams';
import { replaceTeamInput, updateTeamInput } from '@/server/domain/teams/team.schema';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/teams/{id} – a team with its managers
export const GET = withApi<'teams:read', P>({ access: 'teams:read' }, async ({ ctx, params }) => ok(await getTeam({ ctx, id: params.id })));

// PATCH /api/v1/teams/{id} – rename it or change its managers (its managers or an admin)
export const PATCH = withApi<'teams:manage', P>({ access: 'teams:manage' }, async ({ ctx, params, body }) =>
  ok(await updateTeam({ ctx, id: params.id, input: body.json(updateTeamInput) })),
);

// PUT /api/v1/teams/{id} – replace its name and managers (its managers or an admin)
export const PUT = withApi<'teams:manage', P>({ access: 'teams:manage' }, async ({ ctx, params, body }) =>
  ok(await updateTeam({ ctx, id: params.id, input: body.json(replaceTeamInput), replace: true })),
);

// DELETE /api/v1/teams/{id} – delete the team; people and their sessions stay
export const DELETE = withApi<'teams:manage', P>({ access: 'teams:manage' }, async ({ ctx, params }) => {
  await deleteTeam({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PATCH, PUT, DELETE });
