// Roles and permissions for the roles matrix and every role menu: the same domain functions as REST's /roles.
import { z } from 'zod';
import { createRole, deleteRole, listPermissions, listRoles, updateRole } from '../../domain/roles/manage-roles';
import { roleInput } from '../../domain/roles/role.schema';
import { orgProcedure, router } from '../init';

export const rolesRouter = router({
  list: orgProcedure('members:read').query(async ({ ctx }) => (await listRoles({ ctx: ctx.app })).results),
  permissions: orgProcedure('members:read').query(({ ctx }) => listPermissions({ ctx: ctx.app })),
  create: orgProcedure('roles:manage').input(roleInput).mutation(({ ctx, input }) => createRole({ ctx: ctx.app, input })),
  update: orgProcedure('roles:manage').input(z.object({ id: z.string(), role: roleInput }).strict()).mutation(({ ctx, input }) => updateRole({ ctx: ctx.app, id: input.id, input: input.role })),
  delete: orgProcedure('roles:manage').input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => deleteRole({ ctx: ctx.app, id: input.id })),
});
