// Shapes of organization API keys.
import { z } from 'zod';
import '../shared/zod-messages';
import { PERMISSIONS } from '../../auth/permissions';

export const scopeEnum = z.enum(PERMISSIONS).meta({ id: 'Scope' });

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(1, 'Give the key a name').max(100, 'Use at most 100 characters'),
    scopes: z.array(scopeEnum).min(1, 'Choose at least one scope').refine((s) => new Set(s).size === s.length, { message: 'Each scope can be chosen once' }),
    expiresAt: z.iso
      .datetime({ offset: true, message: 'Enter a date and time (ISO 8601, e.g. 2030-01-31T23:59:59Z)' })
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

export const createdApiKeyDto = apiKeyDto.extend({ key: z.string().meta({ description: 'The secret; shown only in this response' }) }).meta({ id: 'CreatedApiKey' });

export type ApiKeyDto = z.infer<typeof apiKeyDto>;
