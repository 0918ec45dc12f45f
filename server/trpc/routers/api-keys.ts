// The organization's API keys.
import { z } from 'zod';
import { createApiKeyInput } from '../../domain/api-keys/api-key.schema';
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/manage-api-keys';
import { orgProcedure, router } from '../init';

export const apiKeysRouter = router({
  list: orgProcedure('apiKeys:read')
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }).strict())
    .query(({ ctx, input }) => listApiKeys({ ctx: ctx.app, page: input })),
  create: orgProcedure('apiKeys:manage').input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey({ ctx: ctx.app, input })),
  revoke: orgProcedure('apiKeys:manage').input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => revokeApiKey({ ctx: ctx.app, id: input.id })),
});
