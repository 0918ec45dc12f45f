// Shapes of dealers: members of an organization who take live calls (the calls:answer permission).
import { z } from 'zod';
import { roleEnum } from '../identity/user.schema';
import { commaList } from '../shared/list-filters';
import { phoneInput } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';

export const DEALER_ORDERING = ['name', 'email', 'joinedAt', 'lastPingAt'] as const;
export type DealerOrderingField = (typeof DEALER_ORDERING)[number];

export const presenceInput = z.object({ status: z.enum(['online', 'offline']) }).strict().meta({ id: 'PresenceInput' });

/** POST /me/ping takes an empty object: the request itself is the heartbeat. */
export const pingInput = z.object({}).strict().meta({ id: 'PingInput' });

export const updateDealerInput = z
  .object({
    active: z.boolean().optional().meta({ description: 'false pauses the member’s live calls (managers only)' }),
    phone: z.preprocess((v) => (v === '' ? null : v), phoneInput.nullable().optional()),
  })
  .strict()
  .meta({ id: 'UpdateDealerInput' });

export const dealerFiltersInput = z
  .object({
    name: singleLineText({ max: 100 }).optional(),
    phone: z.string().max(40).optional(),
    email: singleLineText({ max: 254 }).optional(),
    status: commaList(z.enum(['active', 'inactive']), 2).optional(),
    accountStatus: commaList(z.enum(['online', 'offline']), 2).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    tz: z.string().optional(),
    timezoneoffset: z.union([z.string(), z.number()]).optional(),
  })
  .strict();

export const dealerDto = z
  .object({
    id: z.uuid().meta({ description: 'The user id (the dealerId of calls and leads)' }),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    image: z.string().nullable(),
    phone: z.string().nullable(),
    role: roleEnum,
    status: z.enum(['active', 'inactive']).meta({ description: 'inactive: a manager paused this member’s live calls' }),
    accountStatus: z.enum(['online', 'offline']),
    lastPingAt: z.iso.datetime().nullable(),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'Dealer' });

export type DealerDto = z.infer<typeof dealerDto>;
export type DealerFiltersInput = z.input<typeof dealerFiltersInput>;
