// Shapes of live calls: what a customer sends to ask for one, what dealers send during and after it, and the DTOs.
import { z } from 'zod';
import { multiLineText } from '../shared/multi-line-text';
import { phoneInput } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';
import { vinInput } from '../vehicles/vin.schema';

export const CALL_STATUSES = ['requested', 'active', 'completed', 'missed', 'expired', 'cancelled'] as const;
export const callStatusEnum = z
  .enum(CALL_STATUSES)
  .meta({ id: 'CallStatus', description: 'requested → active → completed; requested → missed (nobody accepted in time) or cancelled (the customer withdrew); active → expired (the dealer’s pings stopped)' });
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_ORDERING = ['requestedAt', 'status', 'vin', 'carMake', 'carModel', 'carType', 'name', 'acceptedAt', 'endedAt'] as const;
export type CallOrderingField = (typeof CALL_ORDERING)[number];

/** A call that ended, one way or the other: only these take a note. */
export const ENDED_STATUSES: readonly CallStatus[] = ['completed', 'missed', 'expired', 'cancelled'];

// Forms send '' for a field left empty; an empty optional field is simply absent.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const personName = singleLineText({ max: 100, required: 'Enter a name' });
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const customerInput = z
  .object({
    firstName: optional(personName),
    lastName: optional(personName),
    phone: optional(phoneInput),
    email: optional(z.email('must be an email address').max(254)),
  })
  .strict()
  .meta({ id: 'CallCustomerInput' });

export const createCallInput = z
  .object({
    vin: vinInput,
    customer: customerInput.optional(),
    organizationCode: singleLineText({ max: 100 }).optional().meta({ description: "The organization's call token, when the X-Organization-Token header cannot be sent" }),
  })
  .strict()
  .meta({ id: 'CreateCallInput' });

export const callClientEventInput = z
  .object({
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be lower-case letters, digits, dots, dashes or underscores, starting with a letter (e.g. push.delivered)')
      .meta({ example: 'push.delivered' }),
    code: z
      .union([singleLineText({ max: 64 }), z.number().int()])
      .transform(String)
      .optional()
      .meta({ example: '200' }),
  })
  .strict()
  .meta({ id: 'CallClientEventInput' });

export const callNoteInput = z.object({ note: multiLineText({ max: 5000 }) }).strict().meta({ id: 'CallNoteInput' });

export const loanLinkInput = z.object({ channel: z.enum(['email', 'sms']) }).strict().meta({ id: 'LoanLinkInput' });

export const callMessageInput = z
  .object({ message: multiLineText({ max: 2000, required: 'Write a message' }) })
  .strict()
  .meta({ id: 'CallMessageInput' });

export const callVehicleDto = z
  .object({
    make: z.string().nullable(),
    model: z.string().nullable(),
    modelYear: z.number().int().nullable(),
    type: z.string().nullable().meta({ description: 'Body style or vehicle type (the carType filter)' }),
    manufacturer: z.string().nullable(),
    country: z.string().nullable(),
    trim: z.string().nullable(),
  })
  .meta({ id: 'CallVehicle' });

const personDto = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() });

export const callEventDto = z
  .object({
    id: z.uuid(),
    type: z.string().meta({ description: 'requested, accepted, completed, missed, expired, cancelled, note.saved, loan_link.sent, recording.started, recording.stopped, recording.saved, or client.<type> for client log lines' }),
    code: z.string().nullable(),
    actor: z.object({ kind: z.enum(['customer', 'user', 'apiKey', 'system']), id: z.uuid().nullable(), name: z.string().nullable() }),
    detail: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CallEvent' });

export const callDto = z
  .object({
    id: z.uuid(),
    status: callStatusEnum,
    vin: z.string(),
    vehicle: callVehicleDto,
    customer: z.object({ firstName: z.string().nullable(), lastName: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
    dealer: personDto.nullable().meta({ description: 'The dealer who accepted the call' }),
    note: z.string().nullable().meta({ description: "The dealer's note; never shown to the customer" }),
    noteUpdatedAt: z.iso.datetime().nullable(),
    requestedAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    durationSeconds: z.number().int().nullable().meta({ description: 'From accept to end' }),
    leadId: z.uuid().nullable(),
    recording: z.boolean().meta({ description: 'The dealer is recording their side of the call right now' }),
  })
  .meta({ id: 'Call' });

export const callSessionDto = z
  .object({
    id: z.uuid(),
    score: z.number().int().nullable().meta({ description: '0–100; null until the recording has words' }),
    transcriptStatus: z.enum(['ready', 'pending', 'failed', 'missing']),
  })
  .meta({ id: 'CallSession', description: "The dealer's recording of the call, scored as their coaching session (GET /sessions/{id}); shown to those who may see that session" });

export const callFollowUpDto = z
  .object({
    transmissionId: z.uuid(),
    campaignId: z.uuid().nullable(),
    status: z.string().meta({ description: "The transmission's status: pending until the follow-up campaign sends it, then completed or failed" }),
  })
  .meta({ id: 'CallFollowUp', description: "The follow-up campaign's transmission to this call's customer (the call was missed or expired)" });

export const callDetailDto = callDto
  .extend({ events: z.array(callEventDto), session: callSessionDto.nullable(), followUp: callFollowUpDto.nullable().meta({ description: 'Staff only: the follow-up queued for the customer when the call was missed or expired' }) })
  .meta({ id: 'CallDetail' });

export const createdCallDto = z
  .object({
    id: z.uuid(),
    status: callStatusEnum,
    callToken: z.string().meta({ description: 'Send as X-Call-Token to read this call, chat and leave a lead; shown only here' }),
    vehicle: callVehicleDto,
  })
  .meta({ id: 'CreatedCall' });

export const callMessageDto = z
  .object({
    id: z.uuid(),
    sender: z.enum(['customer', 'dealer']),
    senderName: z.string().nullable(),
    message: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CallMessage' });

export type CallDto = z.infer<typeof callDto>;
export type CallDetailDto = z.infer<typeof callDetailDto>;
export type CallEventDto = z.infer<typeof callEventDto>;
export type CallMessageDto = z.infer<typeof callMessageDto>;
export type CreatedCallDto = z.infer<typeof createdCallDto>;
