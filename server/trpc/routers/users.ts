// The organization's users for the users page: the list (filters as in the URL), adding, editing, passwords, removal,
// roles and direct grants — the same domain functions as REST's /users.
import { z } from 'zod';
import { createUser, grantUserPermission, removeUser, removeUserRole, revokeUserPermission, setUserPassword, setUserRole, updateUser } from '../../domain/users/manage-users';
import { createUserInput, setUserPasswordInput, updateUserInput, USER_ORDERING } from '../../domain/users/organization-user.schema';
import { getUser, listUsers } from '../../domain/users/organization-users';
import { orgProcedure, router } from '../init';
import { pageInput } from './calls';

const idInput = z.object({ id: z.string() }).strict();
const filtersInput = z.record(z.string(), z.string()).optional();
const manage = orgProcedure('members:manage');

export const usersRouter = router({
  list: orgProcedure('members:read')
    .input(z.object({ ...pageInput, filters: filtersInput, ordering: z.object({ field: z.enum(USER_ORDERING), direction: z.enum(['asc', 'desc']) }).optional() }).strict())
    .query(({ ctx, input }) => listUsers({ ctx: ctx.app, filters: input.filters, page: input, ordering: input.ordering })),
  get: orgProcedure('members:read').input(idInput).query(({ ctx, input }) => getUser({ ctx: ctx.app, id: input.id })),
  create: manage.input(createUserInput).mutation(({ ctx, input }) => createUser({ ctx: ctx.app, input })),
  update: manage.input(z.object({ id: z.string(), profile: updateUserInput }).strict()).mutation(({ ctx, input }) => updateUser({ ctx: ctx.app, id: input.id, input: input.profile })),
  setPassword: manage
    .meta({ rateLimit: 'auth' })
    .input(z.object({ id: z.string(), password: setUserPasswordInput.shape.password }).strict())
    .mutation(({ ctx, input }) => setUserPassword({ ctx: ctx.app, id: input.id, input: { password: input.password } })),
  remove: manage.input(idInput).mutation(({ ctx, input }) => removeUser({ ctx: ctx.app, id: input.id })),
  setRole: manage.input(z.object({ id: z.string(), role: z.string() }).strict()).mutation(({ ctx, input }) => setUserRole({ ctx: ctx.app, id: input.id, roleId: input.role })),
  clearRole: manage.input(z.object({ id: z.string(), role: z.string() }).strict()).mutation(({ ctx, input }) => removeUserRole({ ctx: ctx.app, id: input.id, roleId: input.role })),
  grant: manage.input(z.object({ id: z.string(), permission: z.string() }).strict()).mutation(({ ctx, input }) => grantUserPermission({ ctx: ctx.app, id: input.id, permission: input.permission })),
  revoke: manage.input(z.object({ id: z.string(), permission: z.string() }).strict()).mutation(({ ctx, input }) => revokeUserPermission({ ctx: ctx.app, id: input.id, permission: input.permission })),
});
