// Dealers: the list with presence, a manager pausing someone's calls, and the signed-in dealer's own presence.
import { z } from 'zod';
import { countDealers, DEALER_ORDERING, listDealers, updateDealer } from '../../domain/dealers/list-dealers';
import { getMyDealer, pingAsDealer, setPresence } from '../../domain/dealers/presence';
import { orgProcedure, router } from '../init';
import { pageInput } from './calls';

const filtersInput = z.record(z.string(), z.string()).optional();

export const dealersRouter = router({
  list: orgProcedure('members:read')
    .input(z.object({ ...pageInput, filters: filtersInput, ordering: z.object({ field: z.enum(DEALER_ORDERING), direction: z.enum(['asc', 'desc']) }).optional() }).strict())
    .query(({ ctx, input }) => listDealers({ ctx: ctx.app, filters: input.filters, page: input, ordering: input.ordering })),
  count: orgProcedure('members:read').input(z.object({ filters: filtersInput }).strict()).query(({ ctx, input }) => countDealers({ ctx: ctx.app, filters: input.filters })),
  update: orgProcedure('members:read')
    .input(z.object({ id: z.string(), active: z.boolean().optional(), phone: z.string().nullable().optional() }).strict())
    .mutation(({ ctx, input: { id, ...input } }) => updateDealer({ ctx: ctx.app, id, input })),
  me: orgProcedure('calls:answer').query(({ ctx }) => getMyDealer({ ctx: ctx.app })),
  setPresence: orgProcedure('calls:answer').input(z.object({ status: z.enum(['online', 'offline']) }).strict()).mutation(({ ctx, input }) => setPresence({ ctx: ctx.app, input })),
  ping: orgProcedure('calls:answer').mutation(({ ctx }) => pingAsDealer({ ctx: ctx.app })),
});
