// Leads for managers: list and count with the filters the page keeps in its URL.
import { z } from 'zod';
import { countLeads, LEAD_ORDERING, listLeads } from '../../domain/leads/list-leads';
import { orgProcedure, router } from '../init';
import { pageInput } from './calls';

const filtersInput = z.record(z.string(), z.string()).optional();

export const leadsRouter = router({
  list: orgProcedure('leads:read')
    .input(z.object({ ...pageInput, filters: filtersInput, ordering: z.object({ field: z.enum(LEAD_ORDERING), direction: z.enum(['asc', 'desc']) }).optional() }).strict())
    .query(({ ctx, input }) => listLeads({ ctx: ctx.app, filters: input.filters, page: input, ordering: input.ordering })),
  count: orgProcedure('leads:read').input(z.object({ filters: filtersInput }).strict()).query(({ ctx, input }) => countLeads({ ctx: ctx.app, filters: input.filters })),
});
