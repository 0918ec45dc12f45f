// Shapes of organization API keys.
import { z } from 'zod';
import '../shared/zod-messages';
import { PERMISSIONS } from '../../auth/permissions';
import { isoInstant } from '../shared/iso-time';
import { singleLineText } from '../shared/single-line-text';

export const scopeEnum = z.enum(PERMISSIONS).meta({ id: 'Scope' });

export const createApiKeyInput = z
  .object({
    name: singleLineText({ max: 100, required: 'Give the key a name' }),
    scopes: z.array(scopeEnum).min(1, 'Choose at least one scope').refine((s) => new Set(s).size === s.length, { message: 'Each scope can be chosen once' }),
    expiresAt: isoInstant
      .nullable()
      .optional()
      .refine((v) => !v || new Date(v).getTime() > Date.now(), { message: 'Choose a day in the future' }),
  })
  .strict()
  .meta({ id: 'CreateApiKeyInput' });

export const apiKeyDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The visible start of the key' }),
    scopes: z.array(scopeEnum),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ApiKey' });

export const createdApiKeyDto = apiKeyDto
  .extend({
    key: z.string().nullable().meta({
      description: 'The secret; shown only in this response. null when this is an Idempotency-Key replay (the header Idempotent-Replay-Omitted says so): secrets are never stored, so revoke the key and create another if the first response was lost.',
    }),
  })
  .meta({ id: 'CreatedApiKey' });

export type ApiKeyDto = z.infer<typeof apiKeyDto>;
