// The current organization's settings and members.
import { changeMemberRole, listMembers } from '../../domain/organizations/manage-members';
import { deleteOrganization, getOrganization, updateOrganization } from '../../domain/organizations/manage-organizations';
import { changeMemberRoleInput, updateOrganizationInput } from '../../domain/organizations/organization.schema';
import { orgProcedure, router } from '../init';

export const organizationRouter = router({
  get: orgProcedure('organization:read').query(({ ctx }) => getOrganization({ ctx: ctx.app, id: ctx.app.organizationId })),
  update: orgProcedure('organization:update').input(updateOrganizationInput).mutation(({ ctx, input }) => updateOrganization({ ctx: ctx.app, id: ctx.app.organizationId, input })),
  delete: orgProcedure('organization:delete').mutation(({ ctx }) => deleteOrganization({ ctx: ctx.app, id: ctx.app.organizationId })),
  members: orgProcedure('members:read').query(({ ctx }) => listMembers({ ctx: ctx.app })),
  changeMemberRole: orgProcedure('members:manage').input(changeMemberRoleInput).mutation(({ ctx, input }) => changeMemberRole({ ctx: ctx.app, input })),
});
