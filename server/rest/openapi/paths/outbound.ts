// OpenAPI paths of API.md §6, part 1: contacts, groups and CSV imports, the message library, programs, sender accounts.
import { z } from 'zod';
import { accountDto, accountInput, settingDto, settingInput } from '../../../domain/accounts/account.schema';
import { contactDetailDto, contactDto, createContactInput, createGroupInput, groupDto, replaceContactInput, replaceGroupInput, updateContactInput, updateGroupInput } from '../../../domain/contacts/contact.schema';
import { acceptedImportDto, importDto, importReportDto } from '../../../domain/contacts/import/import.schema';
import { documentDto, documentInput, emailTemplateDto, emailTemplateInput, recordingDto, recordingInput, smsTextDto, smsTextInput } from '../../../domain/library/library.schema';
import { createdProgramDto, PROGRAM_INPUTS, PROGRAM_TYPES, programDto } from '../../../domain/programs/program.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const ordering = (fields: readonly string[]) => z.enum(fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const search = (what: string) => z.string().optional().meta({ description: what });
const contactTags = ['Contacts and groups'];
const libraryTags = ['Message library'];
const programTags = ['Programs'];
const accountTags = ['Sender accounts'];
const csv = z.string().meta({ description: 'UTF-8 CSV with a header row; formula-like cells prefixed with a quote' });
const binary = (description: string) => z.string().meta({ format: 'binary', description });
const contactOrdering = ordering(['firstName', 'lastName', 'phone', 'email', 'createdAt', 'updatedAt']);
const libraryQuery = pageQuery.extend({ ordering: ordering(['name', 'createdAt', 'updatedAt']), search: search('Part of the name') });
const groupIdPath = idPath.extend({ groupId: z.uuid().meta({ description: 'The group (UUID); another organization’s is 404' }) });
const programPath = z.object({ program: z.string().meta({ description: 'GET and DELETE: the program’s id (UUID; anything else is 404). POST: the program type' }) });

/** A file upload: the raw body with its type, or multipart/form-data with one `file` part. */
function upload(spec: Parameters<typeof operation>[0], types: string[], description: string) {
  const op = operation({ ...spec, errors: [...(spec.errors ?? []), 'payload_too_large', 'unsupported_media_type', 'validation_failed'] });
  return {
    ...op,
    requestBody: {
      required: true,
      content: Object.fromEntries([...types.map((t) => [t, { schema: binary(description) }]), ['multipart/form-data', { schema: z.object({ file: binary(description) }) }]]),
    },
  };
}

function mediaItemPaths(plural: string, dto: z.ZodType, input: z.ZodType, label: string, types: string[], limit: string) {
  return {
    [`/messages/${plural}`]: {
      get: operation({ summary: `List ${label}s`, tags: libraryTags, access: 'messages:read', query: libraryQuery, responses: { 200: { description: `${label}s`, schema: listOf(dto, `${label.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase())}List`) } } }),
      post: operation({ summary: `Create a ${label} (then PUT its file to …/{id}/media)`, tags: libraryTags, access: 'messages:manage', body: input, responses: { 201: { description: 'Created', schema: dto } } }),
    },
    [`/messages/${plural}/{id}`]: {
      get: operation({ summary: `Read a ${label}`, tags: libraryTags, access: 'messages:read', path: idPath, responses: { 200: { description: label, schema: dto } } }),
      put: operation({ summary: 'Replace its name and description', tags: libraryTags, access: 'messages:manage', path: idPath, body: input, responses: { 200: { description: label, schema: dto } } }),
      delete: operation({ summary: `Delete it and its file (409 while a program uses it)`, tags: libraryTags, access: 'messages:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
    },
    [`/messages/${plural}/{id}/media`]: {
      put: upload({ summary: `Upload its file: ${limit}; checked by its first bytes (415), 413 past the limit`, tags: libraryTags, access: 'messages:manage', path: idPath, responses: { 200: { description: label, schema: dto } } }, types, limit),
      get: operation({ summary: 'Download its file (Range supported: 206)', tags: libraryTags, access: 'messages:read', path: idPath, errors: ['range_not_satisfiable'], responses: { 200: { description: 'The file', schema: binary(limit), contentType: types[0] }, 206: { description: 'Part of the file', schema: binary(limit), contentType: types[0] } } }),
    },
  };
}

export const outboundPaths = {
  '/contacts': {
    get: operation({
      summary: 'List contacts',
      tags: contactTags,
      access: 'contacts:read',
      query: pageQuery.extend({ ordering: contactOrdering, search: search('Part of the name, phone number (digits) or email address'), groupId: z.uuid().optional().meta({ description: 'Only members of this group' }) }),
      responses: { 200: { description: 'Contacts', schema: listOf(contactDto, 'ContactList') } },
    }),
    post: operation({ summary: 'Create a contact; a phone or email another contact holds (in any formatting) is 409 naming it', tags: contactTags, access: 'contacts:manage', body: createContactInput, errors: ['conflict'], responses: { 201: { description: 'Created', schema: contactDetailDto } } }),
  },
  '/contacts/{id}': {
    get: operation({ summary: 'Read a contact with its groups', tags: contactTags, access: 'contacts:read', path: idPath, responses: { 200: { description: 'Contact', schema: contactDetailDto } } }),
    put: operation({ summary: 'Replace every field', tags: contactTags, access: 'contacts:manage', path: idPath, body: replaceContactInput, errors: ['conflict'], responses: { 200: { description: 'Contact', schema: contactDetailDto } } }),
    patch: operation({ summary: 'Change some fields', tags: contactTags, access: 'contacts:manage', path: idPath, body: updateContactInput, errors: ['conflict'], responses: { 200: { description: 'Contact', schema: contactDetailDto } } }),
    delete: operation({ summary: 'Delete a contact', tags: contactTags, access: 'contacts:manage', path: idPath, responses: { 204: { description: 'Deleted' } } }),
  },
  '/contacts/{id}/link/{groupId}': {
    put: operation({ summary: 'Add the contact to the group (linking twice keeps one membership)', tags: contactTags, access: 'contacts:manage', path: groupIdPath, responses: { 204: { description: 'Linked' } } }),
    delete: operation({ summary: 'Take the contact out of the group', tags: contactTags, access: 'contacts:manage', path: groupIdPath, responses: { 204: { description: 'Unlinked' } } }),
  },
  '/groups': {
    get: operation({ summary: 'List contact groups with member counts', tags: contactTags, access: 'contacts:read', query: pageQuery.extend({ ordering: ordering(['name', 'createdAt', 'updatedAt']), search: search('Part of the name') }), responses: { 200: { description: 'Groups', schema: listOf(groupDto, 'ContactGroupList') } } }),
    post: operation({ summary: 'Create a group', tags: contactTags, access: 'contacts:manage', body: createGroupInput, errors: ['conflict'], responses: { 201: { description: 'Created', schema: groupDto } } }),
  },
  '/groups/{id}': {
    get: operation({ summary: 'Read a group', tags: contactTags, access: 'contacts:read', path: idPath, responses: { 200: { description: 'Group', schema: groupDto } } }),
    put: operation({ summary: 'Replace every field', tags: contactTags, access: 'contacts:manage', path: idPath, body: replaceGroupInput, errors: ['conflict'], responses: { 200: { description: 'Group', schema: groupDto } } }),
    patch: operation({ summary: 'Change some fields', tags: contactTags, access: 'contacts:manage', path: idPath, body: updateGroupInput, errors: ['conflict'], responses: { 200: { description: 'Group', schema: groupDto } } }),
    delete: operation({ summary: 'Delete a group (its contacts stay)', tags: contactTags, access: 'contacts:manage', path: idPath, responses: { 204: { description: 'Deleted' } } }),
  },
  '/groups/{id}/contacts': {
    get: operation({ summary: 'The group’s contacts', tags: contactTags, access: 'contacts:read', path: idPath, query: pageQuery.extend({ ordering: contactOrdering, search: search('Part of the name, phone number (digits) or email address') }), responses: { 200: { description: 'Contacts', schema: listOf(contactDto, 'GroupContactList') } } }),
  },
  '/groups/{id}/csv': {
    post: {
      ...upload(
        {
          summary: 'Import a CSV file (at most 50 MB) into the group. Headers name contact fields in any case and punctuation (First Name, first_name); UTF-8 with or without BOM, or UTF-16 with BOM. A row matching a contact by phone or email updates it. Up to 10,000 rows: 200 with the report; larger: 202 and a job (GET /imports/{id}).',
          tags: contactTags,
          access: 'contacts:manage',
          path: idPath,
          query: z.object({ columns: z.string().optional().meta({ description: 'Comma list: the contact field each column fills, in order; an empty entry leaves a column out. Without it the headers decide (an unknown header is 422).' }) }),
          responses: { 200: { description: 'The report (header X-Import-Id names the import)', schema: importReportDto }, 202: { description: 'Accepted: imported by a job', schema: acceptedImportDto } },
        },
        ['text/csv'],
        'CSV file',
      ),
    },
    get: operation({ summary: 'Export the group’s contacts as CSV (streamed; the sample’s columns, so it imports back)', tags: contactTags, access: 'contacts:read', path: idPath, responses: { 200: { description: 'CSV', schema: csv, contentType: 'text/csv' } } }),
  },
  '/groups/sample/csv': {
    get: operation({ summary: 'A sample CSV: the columns an import reads, with two example rows', tags: contactTags, access: 'contacts:read', responses: { 200: { description: 'CSV', schema: csv, contentType: 'text/csv' } } }),
  },
  '/imports/{id}': {
    get: operation({ summary: 'A CSV import’s progress and report (also streamed as import.progress events on GET /events)', tags: contactTags, access: 'contacts:read', path: idPath, responses: { 200: { description: 'Import', schema: importDto } } }),
  },
  '/messages/texts': {
    get: operation({ summary: 'List SMS texts', tags: libraryTags, access: 'messages:read', query: libraryQuery, responses: { 200: { description: 'Texts', schema: listOf(smsTextDto, 'SmsTextList') } } }),
    post: operation({ summary: 'Create an SMS text; an unknown merge field is 422, and so is a character outside GSM-7 in a plain text', tags: libraryTags, access: 'messages:manage', body: smsTextInput, responses: { 201: { description: 'Created', schema: smsTextDto } } }),
  },
  '/messages/texts/{id}': {
    get: operation({ summary: 'Read an SMS text with its encoding and segments', tags: libraryTags, access: 'messages:read', path: idPath, responses: { 200: { description: 'Text', schema: smsTextDto } } }),
    put: operation({ summary: 'Replace every field', tags: libraryTags, access: 'messages:manage', path: idPath, body: smsTextInput, responses: { 200: { description: 'Text', schema: smsTextDto } } }),
    delete: operation({ summary: 'Delete it (409 while a program sends it)', tags: libraryTags, access: 'messages:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/messages/templates': {
    get: operation({ summary: 'List email templates', tags: libraryTags, access: 'messages:read', query: libraryQuery, responses: { 200: { description: 'Templates', schema: listOf(emailTemplateDto, 'EmailTemplateList') } } }),
    post: operation({ summary: 'Create an email template; the HTML is sanitized, a plain-text alternative generated when absent, unknown merge fields are 422', tags: libraryTags, access: 'messages:manage', body: emailTemplateInput, responses: { 201: { description: 'Created', schema: emailTemplateDto } } }),
  },
  '/messages/templates/{id}': {
    get: operation({ summary: 'Read an email template', tags: libraryTags, access: 'messages:read', path: idPath, responses: { 200: { description: 'Template', schema: emailTemplateDto } } }),
    put: operation({ summary: 'Replace every field (the attachment stays)', tags: libraryTags, access: 'messages:manage', path: idPath, body: emailTemplateInput, responses: { 200: { description: 'Template', schema: emailTemplateDto } } }),
    delete: operation({ summary: 'Delete it and its attachment (409 while a program sends it)', tags: libraryTags, access: 'messages:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/messages/templates/{id}/media': {
    put: upload({ summary: 'Attach a PDF (20 MB) or a JPEG/PNG image (5 MB), replacing any attachment before it', tags: libraryTags, access: 'messages:manage', path: idPath, responses: { 200: { description: 'Template', schema: emailTemplateDto } } }, ['application/pdf', 'image/png', 'image/jpeg'], 'PDF or image'),
    get: operation({ summary: 'Download the attachment (Range supported: 206)', tags: libraryTags, access: 'messages:read', path: idPath, errors: ['range_not_satisfiable'], responses: { 200: { description: 'The attachment', schema: binary('PDF or image'), contentType: 'application/octet-stream' } } }),
  },
  ...mediaItemPaths('recordings', recordingDto, recordingInput, 'voice recording', ['audio/wav'], 'WAV recording (audio/wav), at most 50 MB'),
  ...mediaItemPaths('documents', documentDto, documentInput, 'fax document', ['application/pdf'], 'PDF document (application/pdf), at most 20 MB'),
  '/programs': {
    get: operation({ summary: 'List programs of every type', tags: programTags, access: 'programs:read', query: pageQuery.extend({ ordering: ordering(['name', 'type', 'createdAt']), type: z.string().optional().meta({ description: `Comma list of ${PROGRAM_TYPES.join(', ')}` }) }), responses: { 200: { description: 'Programs', schema: listOf(programDto, 'ProgramList') } } }),
  },
  '/programs/{program}': {
    get: operation({ summary: 'Read a program (the segment is its id)', tags: programTags, access: 'programs:read', path: programPath, responses: { 200: { description: 'Program', schema: programDto } } }),
    post: {
      ...operation({
        summary: `Create a program; the segment is its type: ${PROGRAM_TYPES.join(', ')} (another is 404). sendsms {textId}, sendemail {templateId}, sendfax {documentId}, voicemessage {recordingId}, voicetts {text}, emailtofax/receiveemail {accountId of an email account}, faxtoemail/receivesms/receivefax {accountId of a phone account}. A missing reference is 422, another organization’s 404.`,
        tags: programTags,
        access: 'programs:manage',
        path: programPath,
        body: PROGRAM_INPUTS.sendsms,
        responses: { 201: { description: 'Created', schema: createdProgramDto } },
      }),
      requestBody: { required: true, content: { 'application/json': { schema: z.union(Object.values(PROGRAM_INPUTS) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]) } } },
    },
    delete: operation({ summary: 'Delete a program (the segment is its id); 409 while it is in use', tags: programTags, access: 'programs:manage', path: programPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/accounts': {
    get: operation({ summary: 'List sender accounts', tags: accountTags, access: 'accounts:read', query: pageQuery.extend({ ordering: ordering(['name', 'type', 'address', 'createdAt']), type: z.enum(['email', 'phone', 'extension']).optional(), search: search('Part of the name or address') }), responses: { 200: { description: 'Accounts', schema: listOf(accountDto, 'AccountList') } } }),
    post: operation({ summary: 'Create a sender account (email: an email address; phone: a number, stored in E.164; extension: digits)', tags: accountTags, access: 'accounts:manage', body: accountInput, errors: ['conflict'], responses: { 201: { description: 'Created', schema: accountDto } } }),
  },
  '/accounts/{id}': {
    get: operation({ summary: 'Read a sender account with its settings, subscriptions and owner', tags: accountTags, access: 'accounts:read', path: idPath, responses: { 200: { description: 'Account', schema: accountDto } } }),
    put: operation({ summary: 'Replace name, type, address and active', tags: accountTags, access: 'accounts:manage', path: idPath, body: accountInput, errors: ['conflict'], responses: { 200: { description: 'Account', schema: accountDto } } }),
    delete: operation({ summary: 'Delete it (409 while a program handles its traffic)', tags: accountTags, access: 'accounts:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/accounts/{id}/settings/{name}': {
    get: operation({ summary: 'Read one setting', tags: accountTags, access: 'accounts:read', path: idPath.extend({ name: z.string().meta({ description: 'A letter, then letters, digits, _ . or -' }) }), responses: { 200: { description: 'Setting', schema: settingDto } } }),
    put: operation({ summary: 'Set it', tags: accountTags, access: 'accounts:manage', path: idPath.extend({ name: z.string() }), body: settingInput, responses: { 200: { description: 'Setting', schema: settingDto } } }),
    delete: operation({ summary: 'Remove it', tags: accountTags, access: 'accounts:manage', path: idPath.extend({ name: z.string() }), responses: { 204: { description: 'Removed' } } }),
  },
  '/accounts/{id}/programs': {
    delete: operation({ summary: 'Unsubscribe the account from every program', tags: accountTags, access: 'accounts:manage', path: idPath, responses: { 204: { description: 'Unsubscribed' } } }),
  },
  '/accounts/{id}/programs/{programId}': {
    put: operation({ summary: 'Subscribe the account to a program (twice keeps one)', tags: accountTags, access: 'accounts:manage', path: idPath.extend({ programId: z.uuid() }), responses: { 204: { description: 'Subscribed' } } }),
    delete: operation({ summary: 'Unsubscribe it', tags: accountTags, access: 'accounts:manage', path: idPath.extend({ programId: z.uuid() }), responses: { 204: { description: 'Unsubscribed' } } }),
  },
  '/accounts/{id}/users': {
    delete: operation({ summary: 'Dissociate the owner (the account becomes the organization’s)', tags: accountTags, access: 'accounts:manage', path: idPath, responses: { 204: { description: 'Dissociated' } } }),
  },
  '/accounts/{id}/users/{userId}': {
    put: operation({ summary: 'A member of the organization owns the account (anyone else is 404)', tags: accountTags, access: 'accounts:manage', path: idPath.extend({ userId: z.uuid() }), responses: { 204: { description: 'Assigned' } } }),
  },
};
