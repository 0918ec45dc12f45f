// Shapes of leads: what a customer leaves after a call (or straight from a vehicle) and how lists show it.
import { z } from 'zod';
import { multiLineText } from '../shared/multi-line-text';
import { phoneInput } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';
import { callStatusEnum, callVehicleDto } from '../calls/call.schema';

export const LEAD_ORDERING = ['createdAt', 'name', 'email', 'vin', 'carMake', 'carModel', 'carType'] as const;
export type LeadOrderingField = (typeof LEAD_ORDERING)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
// Said to the customer beside the field: whole sentences, in their words.
const firstName = singleLineText({ max: 100, required: 'Enter your first name' });

export const createLeadInput = z
  .object({
    callId: z.uuid('must be a call id').optional(),
    vin: singleLineText({ max: 64 }).optional().meta({ description: 'The vehicle, when the lead does not come from a call' }),
    firstName,
    // Optional, as it is when asking for the call: a first name and a way to reach them are enough.
    lastName: z.preprocess(blankToUndefined, singleLineText({ max: 100 }).optional()),
    email: z.preprocess(blankToUndefined, z.email('Enter an email address like name@example.com').max(254, 'Use at most 254 characters').optional()),
    phone: z.preprocess(blankToUndefined, phoneInput.optional()),
    comment: z.preprocess(blankToUndefined, multiLineText({ max: 2000 }).optional()),
    organizationCode: singleLineText({ max: 100 }).optional().meta({ description: "The organization's call token, when X-Organization-Token cannot be sent" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Leave an email address or a phone number so the dealer can reach you' });
  })
  .meta({ id: 'CreateLeadInput' });

export const leadDto = z
  .object({
    id: z.uuid(),
    callId: z.uuid().nullable(),
    callStatus: callStatusEnum.nullable(),
    vin: z.string(),
    vehicle: callVehicleDto,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    comment: z.string().nullable(),
    dealer: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Lead' });

export type LeadDto = z.infer<typeof leadDto>;
