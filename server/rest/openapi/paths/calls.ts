// OpenAPI paths of API.md §4: live calls, leads, dealers, presence and the VIN decoder.
import { z } from 'zod';
import { loanLinkInput, callClientEventInput, callDetailDto, callDto, callEventDto, callMessageDto, callMessageInput, callNoteInput, createCallInput, createdCallDto } from '../../../domain/calls/call.schema';
import { attachCallRecordingInput, callRecordingStateInput } from '../../../domain/calls/call-recording.schema';
import { createLeadInput, leadDto } from '../../../domain/leads/lead.schema';
import { sessionDto } from '../../../domain/sessions/session.schema';
import { dealerDto, presenceInput, pingInput, updateDealerInput } from '../../../domain/dealers/dealer.schema';
import { vinDecodeDto } from '../../../domain/vehicles/vin.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const tags = ['Live calls'];
const leadTags = ['Leads'];
const dealerTags = ['Dealers'];

const csv = (description: string) => z.string().optional().meta({ description });
const dateFilters = {
  from: csv('YYYY-MM-DD (inclusive) or ISO timestamp, read in tz/timezoneoffset'),
  to: csv('YYYY-MM-DD (inclusive) or ISO timestamp, read in tz/timezoneoffset'),
  tz: csv('IANA time zone for from/to (and export times)'),
  timezoneoffset: z.number().int().optional().meta({ description: 'Minutes as getTimezoneOffset(): -420 means GMT+7' }),
};
const callRecordingForm = z
  .object({
    transcript: z.string().optional().meta({ description: 'JSON words or WebVTT text; without it the recording is transcribed (speech-to-text configured) or waits for PUT /sessions/{id}/transcript' }),
    transcriptSource: z.enum(['upload', 'browser']).optional().meta({ description: 'browser: the words came from the browser’s own speech recognition' }),
    audio: z.string().meta({ format: 'binary', description: 'WAV recording (audio/wav) of the dealer’s side, at most 50 MB' }),
  })
  .meta({ id: 'CallRecordingForm' });

const callFilters = z.object({
  name: csv("Part of the customer's first or last name"),
  phone: csv('Digits of the phone number'),
  status: csv('Comma list of requested, active, completed, missed, expired'),
  carType: csv('Comma list of body styles or vehicle types (any case)'),
  carMake: csv('Comma list of makes (any case)'),
  carModel: csv('Comma list of models (any case)'),
  vin: csv('A whole VIN or its beginning'),
  dealerId: csv('Comma list of dealer (user) ids'),
  ...dateFilters,
});
const callOrdering = z.enum(['requestedAt', 'status', 'vin', 'carMake', 'carModel', 'carType', 'name', 'acceptedAt', 'endedAt'].flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const leadOrdering = z.enum(['createdAt', 'name', 'email', 'vin', 'carMake', 'carModel', 'carType'].flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const dealerOrdering = z.enum(['name', 'email', 'joinedAt', 'lastPingAt'].flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const dealerFilters = z.object({
  name: csv('Part of the first or last name'),
  phone: csv('Digits of the phone number'),
  email: csv('Part of the email address'),
  status: csv('Comma list of active, inactive'),
  accountStatus: csv('Comma list of online, offline'),
  ...dateFilters,
});
const count = z.object({ count: z.number().int() }).meta({ id: 'Count' });
const callToken = 'With `X-Call-Token: <callToken>` the customer of this call may use it without other credentials; otherwise an access token or API key whose caller may see the call (calls:read, or calls:answer for waiting calls and their own).';
const withCallToken = (spec: Parameters<typeof operation>[0]) => {
  const op = operation({ ...spec, errors: [...(spec.errors ?? []), 'unauthenticated'] });
  const security: Array<Record<string, string[]>> = [{ callToken: [] }, { bearer: [] }, { apiKey: [] }];
  return { ...op, description: callToken, security };
};
const publicWithToken = (spec: Parameters<typeof operation>[0], description: string, schemes: string[]) => ({
  ...operation({ ...spec, errors: [...(spec.errors ?? []), 'unauthenticated'] }),
  description,
  security: schemes.map((s): Record<string, string[]> => ({ [s]: [] })),
});
const csvResponse = (description: string) => ({ 200: { description, schema: z.string(), contentType: 'text/csv' } });

export const callPaths = {
  '/calls': {
    get: operation({ summary: 'List calls (a dealer without calls:read sees the calls they answered)', tags, access: 'authenticated', query: pageQuery.extend({ ordering: callOrdering }).extend(callFilters.shape), errors: ['forbidden'], responses: { 200: { description: 'Calls', schema: listOf(callDto, 'CallList') } } }),
    post: publicWithToken(
      { summary: 'A customer asks for a live call', tags, access: 'public', body: createCallInput, responses: { 201: { description: 'The call and its token', schema: createdCallDto } } },
      "Public with the organization's call token in `X-Organization-Token` (or `organizationCode` in the body); a wrong token is 401. A VIN that is malformed or whose check digit is wrong is 422.",
      ['organizationToken'],
    ),
  },
  '/calls/count': { get: operation({ summary: 'Count calls matching the filters', tags, access: 'authenticated', query: callFilters, errors: ['forbidden'], responses: { 200: { description: 'Count', schema: count } } }) },
  '/calls/export.csv': { get: operation({ summary: 'Export calls as CSV (streamed; times in tz/timezoneoffset)', tags, access: 'calls:read', query: callFilters, responses: csvResponse('UTF-8 CSV with a header row; cells that start like a formula (= + - @ tab CR) prefixed with a quote, except E.164 phone numbers (+ and digits only)') }) },
  '/calls/{id}': { get: withCallToken({ summary: 'One call with its vehicle, dealer, times, note and events', tags, access: 'optional', path: idPath, responses: { 200: { description: 'The call (for the customer: without the note and internal events)', schema: callDetailDto } } }) },
  '/calls/{id}/accept': { post: operation({ summary: 'A dealer takes a waiting call', tags, access: 'calls:answer', path: idPath, errors: ['conflict'], responses: { 200: { description: 'The call, now active', schema: callDetailDto } } }) },
  '/calls/{id}/stop': { post: withCallToken({ summary: 'End a running call (its dealer or its customer)', tags, access: 'optional', path: idPath, errors: ['conflict', 'forbidden'], responses: { 200: { description: 'The call, now completed', schema: callDetailDto } } }) },
  '/calls/{id}/cancel': { post: withCallToken({ summary: 'The customer withdraws a request no dealer has taken yet (→ cancelled); 409 once taken or over', tags, access: 'optional', path: idPath, errors: ['conflict', 'forbidden'], responses: { 200: { description: 'The call, now cancelled', schema: callDetailDto } } }) },
  '/calls/{id}/events': { post: withCallToken({ summary: 'Add a client log line (push or socket delivery) to the call’s history', tags, access: 'optional', path: idPath, body: callClientEventInput, responses: { 201: { description: 'The event, stored as client.<type>', schema: callEventDto } } }) },
  '/calls/{id}/note': { put: operation({ summary: "Write the dealer's note (after the call)", tags, access: 'authenticated', path: idPath, body: callNoteInput, errors: ['conflict', 'forbidden'], responses: { 200: { description: 'The call', schema: callDetailDto } } }) },
  '/calls/{id}/recording-state': {
    put: operation({
      summary: 'The call’s dealer starts or stops recording their side (the customer’s page shows it live); starting needs the call running (409), stopping an ended call answers it unchanged',
      tags,
      access: 'authenticated',
      path: idPath,
      body: callRecordingStateInput,
      errors: ['conflict', 'forbidden'],
      responses: { 200: { description: 'The call (`recording` says whether it is being recorded)', schema: callDetailDto } },
    }),
  },
  '/calls/{id}/recording': {
    post: {
      ...operation({
        summary: 'The call’s dealer attaches their recording of it: it becomes their coaching session, scored like practice (delivery only: no module)',
        tags,
        access: 'sessions:write',
        path: idPath,
        body: attachCallRecordingInput,
        errors: ['conflict', 'forbidden', 'payload_too_large', 'unsupported_media_type'],
        responses: { 201: { description: 'The scored session (without words: the recording’s analysis, and `transcript.status` pending or missing)', schema: sessionDto } },
      }),
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: attachCallRecordingInput },
          'multipart/form-data': { schema: callRecordingForm },
        },
      },
    },
  },
  '/calls/{id}/loan-link': {
    post: operation({
      summary: "Send the organization's loan link to the call's customer",
      tags,
      access: 'authenticated',
      path: idPath,
      body: loanLinkInput,
      errors: ['conflict', 'forbidden'],
      responses: { 200: { description: 'Queued for delivery (email); SMS is 409 until an SMS provider exists', schema: z.object({ channel: z.literal('email'), to: z.string() }) } },
    }),
  },
  '/calls/{id}/messages': {
    get: withCallToken({ summary: 'The call’s chat, oldest first', tags, access: 'optional', path: idPath, query: pageQuery, responses: { 200: { description: 'Messages', schema: listOf(callMessageDto, 'CallMessageList') } } }),
    post: withCallToken({ summary: 'Write in the call’s chat (its customer or its dealer, while it waits or runs)', tags, access: 'optional', path: idPath, body: callMessageInput, errors: ['conflict', 'forbidden'], responses: { 201: { description: 'The message', schema: callMessageDto } } }),
  },
  '/leads': {
    get: operation({ summary: 'List leads', tags: leadTags, access: 'leads:read', query: pageQuery.extend({ ordering: leadOrdering }).extend(callFilters.shape), responses: { 200: { description: 'Leads', schema: listOf(leadDto, 'LeadList') } } }),
    post: publicWithToken(
      { summary: 'A customer leaves a lead', tags: leadTags, access: 'public', body: createLeadInput, errors: ['conflict', 'not_found'], responses: { 201: { description: 'The lead', schema: leadDto } } },
      "Public with the call's token in `X-Call-Token` (the lead is about that call; another call's id is 404), or the organization's call token in `X-Organization-Token` (or `organizationCode`) with a `vin`. One lead per call (409 for a second).",
      ['callToken', 'organizationToken'],
    ),
  },
  '/leads/count': { get: operation({ summary: 'Count leads matching the filters', tags: leadTags, access: 'leads:read', query: callFilters, responses: { 200: { description: 'Count', schema: count } } }) },
  '/leads/export.csv': { get: operation({ summary: 'Export leads as CSV (streamed; times in tz/timezoneoffset)', tags: leadTags, access: 'leads:read', query: callFilters, responses: csvResponse('UTF-8 CSV with a header row; cells that start like a formula (= + - @ tab CR) prefixed with a quote, except E.164 phone numbers (+ and digits only)') }) },
  '/dealers': { get: operation({ summary: 'Members who take live calls, with presence', tags: dealerTags, access: 'members:read', query: pageQuery.extend({ ordering: dealerOrdering }).extend(dealerFilters.shape), responses: { 200: { description: 'Dealers', schema: listOf(dealerDto, 'DealerList') } } }) },
  '/dealers/count': { get: operation({ summary: 'Count dealers matching the filters', tags: dealerTags, access: 'members:read', query: dealerFilters, responses: { 200: { description: 'Count', schema: count } } }) },
  '/dealers/{id}': { patch: operation({ summary: "Pause or resume a member's live calls (members:manage), or set a dealer's phone (themselves)", tags: dealerTags, access: 'members:read', path: idPath, body: updateDealerInput, responses: { 200: { description: 'The dealer', schema: dealerDto } } }) },
  '/me/presence': { post: operation({ summary: 'Go online or offline for live calls', tags: dealerTags, access: 'calls:answer', body: presenceInput, errors: ['conflict'], responses: { 200: { description: 'The caller as a dealer', schema: dealerDto } } }) },
  '/me/ping': { post: operation({ summary: "The dealer's heartbeat: keeps presence and the active call alive", tags: dealerTags, access: 'calls:answer', body: pingInput, responses: { 204: { description: 'Recorded' } } }) },
  '/vin/{vin}': {
    get: operation({
      summary: 'Decode a VIN offline: validity (check digit), manufacturer, country, make, model, year',
      tags: ['Vehicles'],
      access: 'public',
      path: z.object({ vin: z.string().meta({ description: '17 characters; spaces, dashes and case are ignored' }) }),
      responses: { 200: { description: 'The decode; `valid: false` with `problems` for a mistyped VIN', schema: vinDecodeDto } },
    }),
  },
};
