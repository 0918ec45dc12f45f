// Shapes of providers (the gateways messages go out through). SECURITY: `password` is write-only: the input takes it,
// no DTO has it (hasPassword says whether one is stored).
import { z } from 'zod';
import '../shared/zod-messages';
import { singleLineText } from '../shared/single-line-text';
import { PROVIDER_SERVICES, PROVIDER_TYPES } from '../../providers/outbound/provider-adapter';

export { PROVIDER_SERVICES, PROVIDER_TYPES };

export const providerSettings = z
  .object({
    timeoutSeconds: z.number().int().min(1).max(120).optional().meta({ description: 'Seconds an attempt may take (default 15)' }),
    ratePerSecond: z.number().positive().max(1000).optional().meta({ description: 'At most this many messages per second, across every worker' }),
    secure: z.boolean().optional().meta({ description: 'smtp: TLS from the first byte (smtps, port 465)' }),
    faxDomain: z.string().trim().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name').max(253).optional().meta({ description: 'smtp: the email-to-fax gateway’s domain' }),
    path: z.string().regex(/^\/[\w\-./~%]*$/, 'must be a path starting with /').max(200).optional().meta({ description: 'http: the path messages are posted to (default /messages); kannel: the sendsms path (default /cgi-bin/sendsms)' }),
    dlrMask: z.number().int().min(0).max(63).optional().meta({ description: 'kannel: the delivery reports asked for (default 31)' }),
  })
  .strict();

export const providerInput = z
  .object({
    name: singleLineText({ max: 120, required: 'Enter a name' }),
    type: z.enum(PROVIDER_TYPES).meta({ description: 'smtp (email, fax), twilio (sms, voice), http and kannel (sms), or sink: built in, delivers nothing outside — keeps what it is given in the database, readable on this machine at /dev/sink (email at /dev/mail); takes no host or credentials' }),
    serviceFlags: z.array(z.enum(PROVIDER_SERVICES)).min(1, 'Choose at least one service').max(4),
    host: z.string().trim().max(500).default('').meta({ description: 'smtp and kannel: a hostname or IP address; twilio and http: a base URL (twilio defaults to https://api.twilio.com); required except for twilio and sink (which takes none)' }),
    port: z.number().int().min(1).max(65535).nullable().optional(),
    username: singleLineText({ max: 200 }).default('').meta({ description: 'twilio: the Account SID' }),
    password: z.string().min(1).max(500).optional().meta({ description: 'Write-only: never returned. On PUT, leave it out to keep the stored one. twilio: the auth token; http: the HMAC signing key' }),
    settings: providerSettings.default({}),
    prefix: z.string().regex(/^[0-9+*#]{0,10}$/, 'must be up to 10 digits (or + * #)').nullable().optional(),
    weight: z.number().int().min(0).max(1000).default(1).meta({ description: 'Share of traffic among the active providers of a service (0: only when no other is left)' }),
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'ProviderInput' });

export const providerDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(PROVIDER_TYPES),
    serviceFlags: z.array(z.enum(PROVIDER_SERVICES)),
    host: z.string(),
    port: z.number().int().nullable(),
    username: z.string(),
    hasPassword: z.boolean().meta({ description: 'Whether a password/token is stored (it is never shown)' }),
    settings: providerSettings,
    prefix: z.string().nullable(),
    weight: z.number().int(),
    active: z.boolean(),
    inboundUrls: z.record(z.string(), z.string()).meta({ description: 'Where the gateway posts inbound messages and delivery receipts, by kind' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Provider' });

export const providerTestInput = z
  .object({ to: z.string().trim().min(3, 'Enter where the test goes').max(254).meta({ description: 'A phone number (sms, voice, fax) or an email address (email)' }), service: z.enum(PROVIDER_SERVICES).optional(), from: z.string().trim().max(254).optional() })
  .strict()
  .meta({ id: 'ProviderTestInput' });

export const providerTestDto = z
  .object({ ok: z.boolean(), message: z.string(), messageId: z.string().nullable(), response: z.record(z.string(), z.unknown()).nullable() })
  .meta({ id: 'ProviderTestResult' });

export const PROVIDER_ORDERING = ['name', 'type', 'weight', 'createdAt'] as const;
export type ProviderOrderingField = (typeof PROVIDER_ORDERING)[number];
export type ProviderDto = z.infer<typeof providerDto>;
export type ProviderInput = z.output<typeof providerInput>;
