// Providers, transmissions and the inbox for the browser.
import { z } from 'zod';
import { PROVIDER_ORDERING, providerInput } from '../../domain/providers/provider.schema';
import { createProvider, deleteProvider, getProvider, listProviders, testProvider, updateProvider } from '../../domain/providers/manage-providers';
import { cloneTransmission, createTransmission, deleteTransmission, getTransmission, listSpools, listTransmissions } from '../../domain/transmissions/manage-transmissions';
import { cancelSchedule, retryTransmission, scheduleTransmission, sendTransmission } from '../../domain/transmissions/send-transmission';
import { TRANSMISSION_ORDERING } from '../../domain/transmissions/transmission.schema';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, router } from '../init';

const id = z.object({ id: z.string() }).strict();

export const providersRouter = router({
  list: orgProcedure('providers:read')
    .input(z.object({ ...pageInput, ordering: orderingInput(PROVIDER_ORDERING, { field: 'name', direction: 'asc' }), type: z.string().max(20).optional(), service: z.string().max(20).optional() }).strict())
    .query(({ ctx, input }) => listProviders({ ctx: ctx.app, page: input, ordering: input.ordering, type: input.type, service: input.service })),
  get: orgProcedure('providers:read').input(id).query(({ ctx, input }) => getProvider({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('providers:manage').input(providerInput).mutation(({ ctx, input }) => createProvider({ ctx: ctx.app, input })),
  update: orgProcedure('providers:manage').input(z.object({ id: z.string(), provider: z.unknown() }).strict()).mutation(({ ctx, input }) => updateProvider({ ctx: ctx.app, id: input.id, input: input.provider })),
  delete: orgProcedure('providers:manage').input(id).mutation(({ ctx, input }) => deleteProvider({ ctx: ctx.app, id: input.id })),
  test: orgProcedure('providers:manage').input(z.object({ id: z.string(), test: z.unknown() }).strict()).mutation(({ ctx, input }) => testProvider({ ctx: ctx.app, id: input.id, input: input.test })),
});

export const transmissionsRouter = router({
  list: orgProcedure('transmissions:read')
    .input(
      z
        .object({
          ...pageInput,
          ordering: orderingInput(TRANSMISSION_ORDERING, { field: 'createdAt', direction: 'desc' }),
          status: z.string().max(200).optional(),
          direction: z.string().max(20).optional(),
          programId: z.string().max(40).optional(),
          contactId: z.string().max(40).optional(),
          search: z.string().max(200).optional(),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listTransmissions({ ctx: ctx.app, page: input, ordering: input.ordering, filters: { status: input.status, direction: input.direction, programId: input.programId, contactId: input.contactId, search: input.search } })),
  get: orgProcedure('transmissions:read').input(id).query(({ ctx, input }) => getTransmission({ ctx: ctx.app, id: input.id })),
  spools: orgProcedure('transmissions:read').input(id).query(({ ctx, input }) => listSpools({ ctx: ctx.app, id: input.id })),
  create: orgProcedure('transmissions:send').input(z.unknown()).mutation(({ ctx, input }) => createTransmission({ ctx: ctx.app, input })),
  send: orgProcedure('transmissions:send').input(id).mutation(({ ctx, input }) => sendTransmission({ ctx: ctx.app, id: input.id })),
  retry: orgProcedure('transmissions:send').input(id).mutation(({ ctx, input }) => retryTransmission({ ctx: ctx.app, id: input.id })),
  clone: orgProcedure('transmissions:send').input(id).mutation(({ ctx, input }) => cloneTransmission({ ctx: ctx.app, id: input.id })),
  delete: orgProcedure('transmissions:send').input(id).mutation(({ ctx, input }) => deleteTransmission({ ctx: ctx.app, id: input.id })),
  schedule: orgProcedure('transmissions:send').input(z.object({ id: z.string(), at: z.string().max(40) }).strict()).mutation(({ ctx, input }) => scheduleTransmission({ ctx: ctx.app, id: input.id, input: { at: input.at } })),
  cancelSchedule: orgProcedure('transmissions:send').input(id).mutation(({ ctx, input }) => cancelSchedule({ ctx: ctx.app, id: input.id })),
});
