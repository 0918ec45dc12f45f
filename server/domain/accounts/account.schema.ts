// Shapes of sender accounts: an email address, a phone number or an extension messages go out from.
import { z } from 'zod';
import '../shared/zod-messages';
import { singleLineText } from '../shared/single-line-text';

export const ACCOUNT_TYPES = ['email', 'phone', 'extension'] as const;

export const accountInput = z
  .object({
    name: singleLineText({ max: 120, required: 'Enter a name' }),
    type: z.enum(ACCOUNT_TYPES),
    address: z.string().trim().min(1, 'Enter the address').max(254).meta({ description: 'email: an email address; phone: a phone number (stored in E.164); extension: 2–10 digits' }),
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'AccountInput' });

export const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
export const settingNamePath = z.string().regex(SETTING_NAME, 'A setting name is a letter, then letters, digits, _ . or - (at most 64)');
export const settingInput = z.object({ value: singleLineText({ max: 2000 }) }).strict().meta({ id: 'AccountSettingInput' });
export const settingDto = z.object({ name: z.string(), value: z.string() }).meta({ id: 'AccountSetting' });

export const accountDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(ACCOUNT_TYPES),
    address: z.string(),
    active: z.boolean(),
    owner: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), email: z.string() }).nullable().meta({ description: 'The member it belongs to; null: the organization’s' }),
    settings: z.record(z.string(), z.string()),
    programIds: z.array(z.uuid()).meta({ description: 'Programs it is subscribed to' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Account' });

export const ACCOUNT_ORDERING = ['name', 'type', 'address', 'createdAt'] as const;
export type AccountOrderingField = (typeof ACCOUNT_ORDERING)[number];
export type AccountDto = z.infer<typeof accountDto>;
