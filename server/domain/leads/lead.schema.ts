// Shapes of leads: what a customer leaves after a call (or straight from a vehicle) and how lists show it.
import { z } from 'zod';
import { multiLineText } from '../shared/multi-line-text';
import { phoneInput } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';
import { callStatusEnum, callVehicleDto } from '../calls/call.schema';

export const LEAD_ORDERING = ['createdAt', 'name', 'email', 'vin', 'carMake', 'carModel', 'carType'] as const;
export type LeadOrderingField = (typeof LEAD_ORDERING)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const personName = singleLineText({ max: 100, required: 'is required' });

export const createLeadInput = z
  .object({
    callId: z.uuid('must be a call id').optional(),
    vin: singleLineText({ max: 64 }).optional().meta({ description: 'The vehicle, when the lead does not come from a call' }),
    firstName: personName,
    lastName: personName,
    email: z.preprocess(blankToUndefined, z.email('must be an email address').max(254).optional()),
    phone: z.preprocess(blankToUndefined, phoneInput.optional()),
    comment: z.preprocess(blankToUndefined, multiLineText({ max: 2000 }).optional()),
    organizationCode: singleLineText({ max: 100 }).optional().meta({ description: "The organization's call token, when X-Organization-Token cannot be sent" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'leave an email address or a phone number so the dealer can reach you' });
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
