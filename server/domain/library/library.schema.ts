// Shapes of the message library: SMS texts, email templates (with an attachment), voice recordings and fax documents.
import { z } from 'zod';
import '../shared/zod-messages';
import { multiLineText } from '../shared/multi-line-text';
import { singleLineText } from '../shared/single-line-text';

const name = singleLineText({ max: 120, required: 'Enter a name' });
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const description = z.preprocess(blankToNull, multiLineText({ max: 1000 }).nullable().optional());

export const SMS_TEXT_TYPES = ['plain', 'unicode', 'binary'] as const;
export const SMS_TEXT_LIMIT = 1600;

export const smsTextInput = z
  .object({
    name,
    data: z.string().min(1, 'Write the message').max(SMS_TEXT_LIMIT, `Use at most ${SMS_TEXT_LIMIT} characters`).meta({ description: 'The message; merge fields such as {{firstName}} are filled per contact. For binary: hexadecimal octets.' }),
    type: z.enum(SMS_TEXT_TYPES).default('plain').meta({ description: 'plain: GSM-7 characters only; unicode: any (UCS-2); binary: hexadecimal data' }),
    description,
  })
  .strict()
  .meta({ id: 'SmsTextInput' });

export const smsTextDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    data: z.string(),
    type: z.enum(SMS_TEXT_TYPES),
    description: z.string().nullable(),
    encoding: z.enum(['GSM-7', 'UCS-2', 'binary']),
    characters: z.number().int(),
    segments: z.number().int().meta({ description: 'SMS parts the message takes (before merge fields are filled)' }),
    mergeFields: z.array(z.string()),
    programCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SmsText' });

export const TEMPLATE_LIMITS = { subject: 300, body: 200_000, bodyAlt: 100_000 } as const;

export const emailTemplateInput = z
  .object({
    name,
    subject: singleLineText({ max: TEMPLATE_LIMITS.subject, required: 'Enter a subject' }),
    body: z.string().trim().min(1, 'Write the message').max(TEMPLATE_LIMITS.body).meta({ description: 'HTML; sanitized when saved (no scripts, event handlers or javascript: links reach a reader)' }),
    bodyAlt: z.preprocess(blankToNull, multiLineText({ max: TEMPLATE_LIMITS.bodyAlt }).nullable().optional()).meta({ description: 'Plain-text alternative; generated from the body when absent' }),
    description,
  })
  .strict()
  .meta({ id: 'EmailTemplateInput' });

export const attachmentDto = z.object({ name: z.string(), contentType: z.string(), size: z.number().int() }).meta({ id: 'Attachment' });

export const emailTemplateDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    subject: z.string(),
    body: z.string(),
    bodyAlt: z.string(),
    bodyAltGenerated: z.boolean().meta({ description: 'true: bodyAlt was made from the body' }),
    description: z.string().nullable(),
    attachment: attachmentDto.nullable(),
    mergeFields: z.array(z.string()),
    programCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'EmailTemplate' });

export const mediaItemInput = z.object({ name, description }).strict();
export const recordingInput = mediaItemInput.meta({ id: 'VoiceRecordingInput' });
export const documentInput = mediaItemInput.meta({ id: 'FaxDocumentInput' });

const mediaFields = {
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  hasMedia: z.boolean().meta({ description: 'false until the file is uploaded (PUT …/media)' }),
  size: z.number().int().nullable(),
  programCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};
export const recordingDto = z.object({ ...mediaFields, duration: z.number().nullable().meta({ description: 'Seconds, from the WAV header' }) }).meta({ id: 'VoiceRecording' });
export const documentDto = z.object(mediaFields).meta({ id: 'FaxDocument' });

export const LIBRARY_ORDERING = ['name', 'createdAt', 'updatedAt'] as const;
export type LibraryOrderingField = (typeof LIBRARY_ORDERING)[number];

export type SmsTextDto = z.infer<typeof smsTextDto>;
export type EmailTemplateDto = z.infer<typeof emailTemplateDto>;
export type RecordingDto = z.infer<typeof recordingDto>;
export type DocumentDto = z.infer<typeof documentDto>;
