// Shapes of programs: what a transmission does, one type per API.md's list, each with the reference it needs.
import { z } from 'zod';
import '../shared/zod-messages';
import { multiLineText } from '../shared/multi-line-text';
import { singleLineText } from '../shared/single-line-text';

export const PROGRAM_TYPES = ['sendsms', 'sendemail', 'sendfax', 'voicemessage', 'voicetts', 'emailtofax', 'faxtoemail', 'receivesms', 'receiveemail', 'receivefax'] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

const name = singleLineText({ max: 120 }).optional().meta({ description: 'Defaults to the type and what it uses' });
const ref = (what: string) => z.uuid(`must be the id of ${what}`);

/** The body of POST /programs/{type}, per type. */
export const PROGRAM_INPUTS = {
  sendsms: z.object({ name, textId: ref('an SMS text') }).strict().meta({ id: 'SendSmsProgramInput' }),
  sendemail: z.object({ name, templateId: ref('an email template') }).strict().meta({ id: 'SendEmailProgramInput' }),
  sendfax: z.object({ name, documentId: ref('a fax document') }).strict().meta({ id: 'SendFaxProgramInput' }),
  voicemessage: z.object({ name, recordingId: ref('a voice recording') }).strict().meta({ id: 'VoiceMessageProgramInput' }),
  voicetts: z.object({ name, text: multiLineText({ max: 4000, required: 'Write what is to be said' }) }).strict().meta({ id: 'VoiceTtsProgramInput' }),
  emailtofax: z.object({ name, accountId: ref('an email account') }).strict().meta({ id: 'EmailToFaxProgramInput' }),
  faxtoemail: z.object({ name, accountId: ref('a phone account') }).strict().meta({ id: 'FaxToEmailProgramInput' }),
  receivesms: z.object({ name, accountId: ref('a phone account') }).strict().meta({ id: 'ReceiveSmsProgramInput' }),
  receiveemail: z.object({ name, accountId: ref('an email account') }).strict().meta({ id: 'ReceiveEmailProgramInput' }),
  receivefax: z.object({ name, accountId: ref('a phone account') }).strict().meta({ id: 'ReceiveFaxProgramInput' }),
} as const satisfies Record<ProgramType, z.ZodType>;

/** The account type each account-based program needs. */
export const ACCOUNT_TYPE_OF: Partial<Record<ProgramType, 'email' | 'phone'>> = {
  emailtofax: 'email',
  faxtoemail: 'phone',
  receivesms: 'phone',
  receiveemail: 'email',
  receivefax: 'phone',
};

export const PROGRAM_LABELS: Record<ProgramType, string> = {
  sendsms: 'Send SMS',
  sendemail: 'Send email',
  sendfax: 'Send fax',
  voicemessage: 'Voice message',
  voicetts: 'Text to speech',
  emailtofax: 'Email to fax',
  faxtoemail: 'Fax to email',
  receivesms: 'Receive SMS',
  receiveemail: 'Receive email',
  receivefax: 'Receive fax',
};

export const programDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(PROGRAM_TYPES),
    textId: z.uuid().nullable(),
    templateId: z.uuid().nullable(),
    documentId: z.uuid().nullable(),
    recordingId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    text: z.string().nullable().meta({ description: 'voicetts: what is said' }),
    uses: z.object({ kind: z.enum(['text', 'template', 'document', 'recording', 'account', 'speech']), id: z.uuid().nullable(), name: z.string() }).meta({ description: 'What it sends or handles, by name' }),
    subscribers: z.number().int().meta({ description: 'Accounts subscribed to it' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Program' });

export const createdProgramDto = z.object({ programId: z.uuid() }).meta({ id: 'CreatedProgram' });

export const PROGRAM_ORDERING = ['name', 'type', 'createdAt'] as const;
export type ProgramOrderingField = (typeof PROGRAM_ORDERING)[number];
export type ProgramDto = z.infer<typeof programDto>;
