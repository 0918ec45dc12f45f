// Shapes of access links: a link that signs a customer's browser in as an organization's external user.
import { z } from 'zod';
import '../shared/zod-messages';
import { parseIsoDay, parseIsoInstant } from '../shared/iso-time';
import { phoneInput } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';

export const ACCESS_LINK_DEFAULT_MAX_USES = 5;
export const ACCESS_LINK_DEFAULT_DAYS = 7;
export const ACCESS_LINK_MAX_USES = 1000;
const DAY_MS = 86_400_000;

/**
 * When a link stops working: a day `YYYY-MM-DD` works through that day (UTC, until the next midnight), a timestamp
 * until that instant. Never in the past.
 */
const expiresOn = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const day = parseIsoDay(value);
    const at = day ? new Date(day.getTime() + DAY_MS) : parseIsoInstant(value);
    if (!at) {
      ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp with its zone (2030-01-31T23:59:59Z)' });
      return z.NEVER;
    }
    if (at.getTime() <= Date.now()) {
      ctx.addIssue({ code: 'custom', message: 'must not be in the past' });
      return z.NEVER;
    }
    // An ISO instant again, so parsing the output once more (REST parses, then the domain) answers the same.
    return at.toISOString();
  })
  .meta({ description: `A date (YYYY-MM-DD, valid through that day, UTC) or an ISO 8601 timestamp; default ${ACCESS_LINK_DEFAULT_DAYS} days from now`, example: '2026-12-31' });

export const createAccessLinkInput = z
  .object({
    virtualUser: z.uuid().meta({ description: 'The external user the link signs in as (POST /external-users answers its id)' }),
    botId: singleLineText({ max: 100 }).optional(),
    email: z.email().trim().toLowerCase().max(254).optional().meta({ description: 'Where the link is emailed' }),
    phone: phoneInput.optional().meta({ description: 'Where the link is texted (needs an active SMS gateway)' }),
    maxUses: z
      .number()
      .int()
      .min(1)
      .max(ACCESS_LINK_MAX_USES)
      .default(ACCESS_LINK_DEFAULT_MAX_USES)
      .meta({ description: `How many times the link can be redeemed (default ${ACCESS_LINK_DEFAULT_MAX_USES})`, default: ACCESS_LINK_DEFAULT_MAX_USES }),
    expiresOn: expiresOn.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an email address or a phone number to send the link to' });
  })
  .meta({ id: 'CreateAccessLinkInput' });

export const accessLinkDto = z
  .object({
    url: z.url().nullable().meta({
      description: 'The link; opening it shows a confirmation page and spends nothing. null on an Idempotency-Key replay (secrets are never stored): ask again without the key to get the same link while it is valid.',
    }),
    virtualUser: z.uuid(),
    expiresOn: z.iso.datetime().meta({ description: 'The instant the link stops working' }),
    maxUses: z.number().int(),
    previouslyCreated: z.boolean().meta({ description: 'true: a link still valid for this external user was sent again instead of a new one' }),
  })
  .meta({ id: 'AccessLink' });

export const accessLinkPreviewDto = z
  .object({
    organizationName: z.string(),
    virtualUser: z.uuid(),
    name: z.string().meta({ description: 'Whom the link signs in as' }),
    expiresAt: z.iso.datetime(),
    usesLeft: z.number().int(),
  })
  .meta({ id: 'AccessLinkPreview' });

export const redeemedAccessLinkDto = z
  .object({
    access: z.string().meta({ description: 'A bearer token acting as the external user: its own conversations only' }),
    expiresAt: z.iso.datetime().meta({ description: 'When the access token expires' }),
    virtualUser: z.uuid(),
  })
  .meta({ id: 'RedeemedAccessLink' });

/** What the domain answers: always with the URL (only an Idempotency-Key replay, at the door, leaves it out). */
export type AccessLinkDto = Omit<z.infer<typeof accessLinkDto>, 'url'> & { url: string };
export type AccessLinkPreviewDto = z.infer<typeof accessLinkPreviewDto>;
export type RedeemedAccessLinkDto = z.infer<typeof redeemedAccessLinkDto>;
