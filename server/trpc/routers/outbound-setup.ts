// Programs and sender accounts for the browser.
import { z } from 'zod';
import { ACCOUNT_ORDERING, accountInput } from '../../domain/accounts/account.schema';
import { assignAccountOwner, createAccount, deleteAccount, deleteAccountSetting, getAccount, listAccounts, putAccountSetting, subscribeAccount, unsubscribeAccount, updateAccount } from '../../domain/accounts/manage-accounts';
import { createProgram, deleteProgram, getProgram, listPrograms } from '../../domain/programs/manage-programs';
import { PROGRAM_ORDERING } from '../../domain/programs/program.schema';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();

export const programsRouter = router({
  list: orgProcedure('programs:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(PROGRAM_ORDERING, { field: 'createdAt', direction: 'desc' }), type: z.string().max(200).optional() }).strict())
    .query(({ ctx, input }) => listPrograms({ ctx: ctx.app, page: input, ordering: input.ordering, type: input.type })),
  get: orgProcedure('programs:read').input(id).query(({ ctx, input }) => getProgram({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('programs:manage').input(z.object({ type: z.string().max(40), program: z.unknown() }).strict()).mutation(({ ctx, input }) => createProgram({ ctx: ctx.app, type: input.type, input: input.program })),
  delete: orgProcedure('programs:manage').input(id).mutation(({ ctx, input }) => deleteProgram({ ctx: ctx.app, id: input.id })),
});

export const accountsRouter = router({
  list: orgProcedure('accounts:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(ACCOUNT_ORDERING, { field: 'name', direction: 'asc' }), type: z.string().max(20).optional(), search: z.string().max(200).optional() }).strict())
    .query(({ ctx, input }) => listAccounts({ ctx: ctx.app, page: input, ordering: input.ordering, type: input.type, search: input.search })),
  get: orgProcedure('accounts:read').input(id).query(({ ctx, input }) => getAccount({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('accounts:manage').input(accountInput).mutation(({ ctx, input }) => createAccount({ ctx: ctx.app, input })),
  update: orgProcedure('accounts:manage').input(z.object({ id: z.string(), account: accountInput }).strict()).mutation(({ ctx, input }) => updateAccount({ ctx: ctx.app, id: input.id, input: input.account })),
  delete: orgProcedure('accounts:manage').input(id).mutation(({ ctx, input }) => deleteAccount({ ctx: ctx.app, id: input.id })),
  setSetting: orgProcedure('accounts:manage')
    .input(z.object({ id: z.string(), name: z.string().max(64), value: z.string() }).strict())
    .mutation(({ ctx, input }) => putAccountSetting({ ctx: ctx.app, id: input.id, name: input.name, input: { value: input.value } })),
  deleteSetting: orgProcedure('accounts:manage').input(z.object({ id: z.string(), name: z.string().max(64) }).strict()).mutation(({ ctx, input }) => deleteAccountSetting({ ctx: ctx.app, id: input.id, name: input.name })),
  subscribe: orgProcedure('accounts:manage').input(z.object({ id: z.string(), programId: z.string() }).strict()).mutation(({ ctx, input }) => subscribeAccount({ ctx: ctx.app, id: input.id, programId: input.programId })),
  unsubscribe: orgProcedure('accounts:manage').input(z.object({ id: z.string(), programId: z.string().optional() }).strict()).mutation(({ ctx, input }) => unsubscribeAccount({ ctx: ctx.app, id: input.id, programId: input.programId })),
  setOwner: orgProcedure('accounts:manage').input(z.object({ id: z.string(), userId: z.string().nullable() }).strict()).mutation(({ ctx, input }) => assignAccountOwner({ ctx: ctx.app, id: input.id, userId: input.userId })),
});
