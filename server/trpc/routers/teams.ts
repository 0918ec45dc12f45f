// Teams: the list, one team, its settings (members, invites) and dashboard for its managers.
import { z } from 'zod';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from '../../domain/teams/manage-teams';
import { getTeamDashboard } from '../../domain/teams/team-dashboard';
import { getTeamSettings, removeTeamMember } from '../../domain/teams/team-settings';
import { createTeamInput, DASHBOARD_ORDERING, removeTeamMemberInput, TEAM_ORDERING, updateTeamInput } from '../../domain/teams/team.schema';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();

export const teamsRouter = router({
  list: orgProcedure('teams:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(TEAM_ORDERING, { field: 'name', direction: 'asc' }), mine: z.boolean().optional() }).strict())
    .query(({ ctx, input }) => listTeams({ ctx: ctx.app, page: input, ordering: input.ordering, mine: input.mine })),
  get: orgProcedure('teams:read').input(id).query(({ ctx, input }) => getTeam({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('teams:create').input(createTeamInput).mutation(({ ctx, input }) => createTeam({ ctx: ctx.app, input })),
  update: orgProcedure('teams:manage')
    .input(z.object({ id: z.string(), patch: updateTeamInput }).strict())
    .mutation(({ ctx, input }) => updateTeam({ ctx: ctx.app, id: input.id, input: input.patch })),
  delete: orgProcedure('teams:manage').input(id).mutation(({ ctx, input }) => deleteTeam({ ctx: ctx.app, id: input.id })),
  settings: orgProcedure('teams:manage').input(id).query(({ ctx, input }) => getTeamSettings({ ctx: ctx.app, id: input.id })),
  dashboard: orgProcedure('teams:manage')
    .input(z.object({ id: z.string(), ordering: orderingInput(DASHBOARD_ORDERING, { field: 'name', direction: 'asc' }) }).strict())
    .query(({ ctx, input }) => getTeamDashboard({ ctx: ctx.app, id: input.id, ordering: input.ordering })),
  removeMember: orgProcedure('teams:manage').input(removeTeamMemberInput).mutation(({ ctx, input }) => removeTeamMember({ ctx: ctx.app, input })),
});
