// Shapes of transmissions (one message to or from one contact by a program) and spools (one delivery attempt each).
import { z } from 'zod';
import '../shared/zod-messages';
import { singleLineText } from '../shared/single-line-text';

export const TRANSMISSION_STATUSES = ['pending', 'processing', 'completed', 'failed', 'invalid'] as const;
export const SPOOL_STATUSES = ['initiated', 'completed', 'failed'] as const;
export const DIRECTIONS = ['outbound', 'inbound'] as const;

export const transmissionInput = z
  .object({
    title: singleLineText({ max: 200 }).optional(),
    contactId: z.uuid('must be the id of a contact'),
    programId: z.uuid('must be the id of a program'),
    accountId: z.uuid('must be the id of a sender account').optional().meta({ description: 'Sent from this account; defaults to the organization’s first active account of the right type' }),
    direction: z.enum(DIRECTIONS).default('outbound'),
  })
  .strict()
  .meta({ id: 'TransmissionInput' });

/** PUT /programs/{id}/transmissions: the program comes from the path. */
export const programTransmissionInput = transmissionInput.omit({ programId: true }).strict().meta({ id: 'ProgramTransmissionInput' });

export const scheduleInput = z.object({ at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp, e.g. 2026-05-01T09:30:00Z' }) }).strict().meta({ id: 'ScheduleInput' });

export const spoolDto = z
  .object({
    id: z.uuid(),
    transmissionId: z.uuid(),
    provider: z.object({ id: z.uuid(), name: z.string(), type: z.string() }).nullable(),
    status: z.enum(SPOOL_STATUSES),
    startedAt: z.iso.datetime(),
    connectedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    deferredUntil: z.iso.datetime().nullable().meta({ description: 'The gateway asked to wait (429/Retry-After): not before this time' }),
    providerMessageId: z.string().nullable().meta({ description: 'The gateway’s id for the message (Twilio sid, SMTP Message-ID, …)' }),
    response: z.record(z.string(), z.unknown()).nullable().meta({ description: 'What the gateway answered (secrets redacted)' }),
    error: z.string().nullable(),
    deliveryStatus: z.string().nullable().meta({ description: 'From the gateway’s delivery receipt, when one came' }),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Spool' });

export const transmissionDto = z
  .object({
    id: z.uuid(),
    title: z.string().nullable(),
    direction: z.enum(DIRECTIONS),
    status: z.enum(TRANSMISSION_STATUSES),
    statusReason: z.string().nullable(),
    contactId: z.uuid().nullable(),
    programId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    contact: z.object({ id: z.uuid(), name: z.string(), phone: z.string(), email: z.string().nullable() }).nullable(),
    program: z.object({ id: z.uuid(), name: z.string(), type: z.string() }).nullable(),
    account: z.object({ id: z.uuid(), name: z.string(), address: z.string() }).nullable(),
    remoteAddress: z.string().nullable().meta({ description: 'Inbound: who sent it' }),
    localAddress: z.string().nullable().meta({ description: 'Inbound: the address it was sent to' }),
    subject: z.string().nullable(),
    body: z.string().nullable().meta({ description: 'Inbound: what arrived' }),
    faxUrl: z.string().nullable().meta({ description: 'Inbound fax: a link to its PDF, valid for 30 minutes from this response (no session needed)' }),
    attempts: z.number().int(),
    lastSpool: spoolDto.nullable(),
    scheduledAt: z.iso.datetime().nullable().meta({ description: 'When a scheduled send fires; null when none is set' }),
    scheduleId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Transmission' });

export const spoolIdDto = z.object({ spoolId: z.uuid() }).meta({ id: 'SpoolId' });
export const scheduleIdDto = z.object({ scheduleId: z.uuid() }).meta({ id: 'ScheduleId' });
export const transmissionIdDto = z.object({ transmissionId: z.uuid() }).meta({ id: 'TransmissionId' });
export const transmissionStatusDto = z.object({ status: z.enum(TRANSMISSION_STATUSES), statusReason: z.string().nullable() }).meta({ id: 'TransmissionStatus' });
export const spoolStatusDto = z.object({ status: z.enum(SPOOL_STATUSES), deliveryStatus: z.string().nullable() }).meta({ id: 'SpoolStatus' });
export const transmissionResultDto = z
  .object({
    status: z.enum(TRANSMISSION_STATUSES),
    statusReason: z.string().nullable(),
    steps: z.array(z.object({ spoolId: z.uuid(), status: z.enum(SPOOL_STATUSES), providerMessageId: z.string().nullable(), deliveryStatus: z.string().nullable(), error: z.string().nullable(), startedAt: z.iso.datetime(), endedAt: z.iso.datetime().nullable() })),
  })
  .meta({ id: 'TransmissionResult' });
export const spoolResultDto = z
  .object({ status: z.enum(SPOOL_STATUSES), providerMessageId: z.string().nullable(), response: z.record(z.string(), z.unknown()).nullable(), error: z.string().nullable(), deliveryStatus: z.string().nullable() })
  .meta({ id: 'SpoolResult' });

export const TRANSMISSION_ORDERING = ['createdAt', 'updatedAt', 'status', 'title'] as const;
export type TransmissionOrderingField = (typeof TRANSMISSION_ORDERING)[number];
export type TransmissionDto = z.infer<typeof transmissionDto>;
export type SpoolDto = z.infer<typeof spoolDto>;
