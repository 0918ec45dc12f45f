// The current organization's settings and members.
import { z } from 'zod';
import { changeMemberRole, listMembers, removeMember } from '../../domain/organizations/manage-members';
import { deleteOrganization, getOrganization, updateOrganization } from '../../domain/organizations/manage-organizations';
import { removeOrganizationLogo, useUploadAsOrganizationLogo } from '../../domain/organizations/organization-logo';
import { changeMemberRoleInput, removeMemberInput, updateOrganizationInput } from '../../domain/organizations/organization.schema';
import { orgProcedure, router } from '../init';

export const organizationRouter = router({
  get: orgProcedure('organization:read').query(({ ctx }) => getOrganization({ ctx: ctx.app, id: ctx.app.organizationId })),
  update: orgProcedure('organization:update').input(updateOrganizationInput).mutation(({ ctx, input }) => updateOrganization({ ctx: ctx.app, id: ctx.app.organizationId, input })),
  // The browser first streams the picture to PUT /api/uploads/image, then names that upload here.
  setLogo: orgProcedure('organization:update')
    .input(z.object({ uploadId: z.uuid() }).strict())
    .mutation(({ ctx, input }) => useUploadAsOrganizationLogo({ ctx: ctx.app, id: ctx.app.organizationId, uploadId: input.uploadId })),
  removeLogo: orgProcedure('organization:update').mutation(({ ctx }) => removeOrganizationLogo({ ctx: ctx.app, id: ctx.app.organizationId })),
  delete: orgProcedure('organization:delete').mutation(({ ctx }) => deleteOrganization({ ctx: ctx.app, id: ctx.app.organizationId })),
  members: orgProcedure('members:read').query(({ ctx }) => listMembers({ ctx: ctx.app })),
  changeMemberRole: orgProcedure('members:manage').input(changeMemberRoleInput).mutation(({ ctx, input }) => changeMemberRole({ ctx: ctx.app, input })),
  // Any member may leave, so the door only asks for membership; the domain decides who may remove whom.
  removeMember: orgProcedure('members:read').input(removeMemberInput).mutation(({ ctx, input }) => removeMember({ ctx: ctx.app, input })),
});
