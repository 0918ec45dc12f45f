// OpenAPI paths of API.md §6, part 2: providers, transmissions and spools, scheduled sends, inbound webhooks.
import { z } from 'zod';
import { PROVIDER_SERVICES, PROVIDER_TYPES, providerDto, providerInput, providerTestDto, providerTestInput } from '../../../domain/providers/provider.schema';
import {
  DIRECTIONS,
  programTransmissionInput,
  scheduleIdDto,
  scheduleInput,
  spoolDto,
  spoolIdDto,
  spoolResultDto,
  spoolStatusDto,
  TRANSMISSION_ORDERING,
  TRANSMISSION_STATUSES,
  transmissionDto,
  transmissionIdDto,
  transmissionInput,
  transmissionResultDto,
  transmissionStatusDto,
} from '../../../domain/transmissions/transmission.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const ordering = (fields: readonly string[]) => z.enum(fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const providerTags = ['Providers'];
const txTags = ['Transmissions'];
const programPath = z.object({ program: z.uuid().meta({ description: 'The program (UUID); another organization’s is 404' }) });

export const outboundDeliveryPaths = {
  '/providers': {
    get: operation({
      summary: 'List gateways (secrets are never returned)',
      tags: providerTags,
      access: 'providers:read',
      query: pageQuery.extend({ ordering: ordering(['name', 'type', 'weight', 'createdAt']), type: z.enum(PROVIDER_TYPES).optional(), service: z.enum(PROVIDER_SERVICES).optional() }),
      responses: { 200: { description: 'Providers', schema: listOf(providerDto, 'ProviderList') } },
    }),
    post: operation({ summary: 'Connect a gateway; its host is checked against SSRF (loopback, private, link-local, metadata: 422)', tags: providerTags, access: 'providers:manage', body: providerInput, responses: { 201: { description: 'Created', schema: providerDto } } }),
  },
  '/providers/{id}': {
    get: operation({ summary: 'Read a gateway', tags: providerTags, access: 'providers:read', path: idPath, responses: { 200: { description: 'Provider', schema: providerDto } } }),
    put: operation({ summary: 'Replace it; without password the stored secret is kept', tags: providerTags, access: 'providers:manage', path: idPath, body: providerInput, responses: { 200: { description: 'Provider', schema: providerDto } } }),
    delete: operation({ summary: 'Remove it (409 while it delivers)', tags: providerTags, access: 'providers:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Removed' } } }),
  },
  '/providers/{id}/test': {
    post: operation({ summary: 'Send one real test message through the gateway and report its answer', tags: providerTags, access: 'providers:manage', path: idPath, body: providerTestInput, responses: { 200: { description: 'What the gateway answered', schema: providerTestDto } } }),
  },
  '/transmissions': {
    get: operation({
      summary: 'List transmissions',
      tags: txTags,
      access: 'transmissions:read',
      query: pageQuery.extend({
        ordering: ordering(TRANSMISSION_ORDERING),
        status: z.string().optional().meta({ description: `Comma list of ${TRANSMISSION_STATUSES.join(', ')}` }),
        direction: z.enum(DIRECTIONS).optional(),
        programId: z.uuid().optional(),
        contactId: z.uuid().optional(),
        search: z.string().optional().meta({ description: 'Part of the title, the contact’s name, phone or email, or an inbound message' }),
      }),
      responses: { 200: { description: 'Transmissions', schema: listOf(transmissionDto, 'TransmissionList') } },
    }),
    post: operation({ summary: 'Create a transmission of a program to a contact (not sent: POST …/send)', tags: txTags, access: 'transmissions:send', body: transmissionInput, responses: { 201: { description: 'Created', schema: transmissionDto } } }),
  },
  '/transmissions/{id}': {
    get: operation({ summary: 'Read a transmission with its last attempt and schedule', tags: txTags, access: 'transmissions:read', path: idPath, responses: { 200: { description: 'Transmission', schema: transmissionDto } } }),
    delete: operation({ summary: 'Delete it and its spools (409 while an attempt is under way)', tags: txTags, access: 'transmissions:send', path: idPath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
  '/transmissions/{id}/send': {
    post: operation({ summary: 'Send it: one delivery attempt (409 unless pending)', tags: txTags, access: 'transmissions:send', path: idPath, errors: ['conflict'], responses: { 201: { description: 'The attempt', schema: spoolIdDto } } }),
  },
  '/transmissions/{id}/retry': {
    post: operation({ summary: 'A new attempt after a failed one (409 otherwise)', tags: txTags, access: 'transmissions:send', path: idPath, errors: ['conflict'], responses: { 201: { description: 'The attempt', schema: spoolIdDto } } }),
  },
  '/transmissions/{id}/clone': {
    post: operation({ summary: 'A copy, not sent', tags: txTags, access: 'transmissions:send', path: idPath, errors: ['conflict'], responses: { 201: { description: 'The copy', schema: transmissionIdDto } } }),
  },
  '/transmissions/{id}/schedule': {
    put: operation({ summary: 'Send it at `at` (replaces an earlier schedule)', tags: txTags, access: 'transmissions:send', path: idPath, body: scheduleInput, errors: ['conflict'], responses: { 200: { description: 'Scheduled', schema: scheduleIdDto } } }),
    delete: operation({ summary: 'Cancel the scheduled send (404 when none)', tags: txTags, access: 'transmissions:send', path: idPath, responses: { 204: { description: 'Cancelled' } } }),
  },
  '/transmissions/{id}/status': {
    get: operation({ summary: 'Its status', tags: txTags, access: 'transmissions:read', path: idPath, responses: { 200: { description: 'Status', schema: transmissionStatusDto } } }),
  },
  '/transmissions/{id}/detail': {
    get: operation({ summary: 'Its spools (delivery attempts), newest first', tags: txTags, access: 'transmissions:read', path: idPath, responses: { 200: { description: 'Spools', schema: z.array(spoolDto) } } }),
  },
  '/transmissions/{id}/result': {
    get: operation({ summary: 'The outcome of each attempt', tags: txTags, access: 'transmissions:read', path: idPath, responses: { 200: { description: 'Result', schema: transmissionResultDto } } }),
  },
  '/spools/{id}/status': {
    get: operation({ summary: 'One attempt’s status', tags: txTags, access: 'transmissions:read', path: idPath, responses: { 200: { description: 'Status', schema: spoolStatusDto } } }),
  },
  '/spools/{id}/result': {
    get: operation({ summary: 'One attempt’s gateway answer (secrets redacted)', tags: txTags, access: 'transmissions:read', path: idPath, responses: { 200: { description: 'Result', schema: spoolResultDto } } }),
  },
  '/inbound/{providerId}/{kind}': {
    post: operation({
      summary: 'A gateway’s webhook: inbound sms/email/fax or a delivery receipt. Verified by the protocol’s signature: Twilio’s X-Twilio-Signature; the HTTP gateway’s X-Pitchcraft-Signature (sha256=HMAC-SHA256(password, `timestamp.body`)) with X-Pitchcraft-Timestamp; Kannel’s ?token= (shown in the provider’s inboundUrls). 401 without one, 403 with a wrong one. The HTTP gateway posts JSON: sms/email `{ from, to, subject?, text }`, fax `{ from, to, subject?, pdf }` (pdf: the document as base64, up to about 6 MB), receipt `{ id | messageId, status, error? }`. An smtp provider receives nothing here (404)',
      tags: txTags,
      access: 'public',
      path: z.object({ providerId: z.uuid(), kind: z.enum(['sms', 'email', 'fax', 'receipt']) }),
      errors: ['unauthenticated', 'forbidden', 'bad_request'],
      responses: { 200: { description: 'An inbound message stored (HTTP and Kannel gateways)', schema: z.object({ transmissionId: z.uuid() }) }, 204: { description: 'A receipt applied' } },
    }),
    get: operation({
      summary: 'Kannel’s get-url and dlr-url (query parameters with ?token=)',
      tags: txTags,
      access: 'public',
      path: z.object({ providerId: z.uuid(), kind: z.enum(['sms', 'receipt']) }),
      errors: ['unauthenticated', 'forbidden'],
      responses: { 200: { description: 'An inbound message stored', schema: z.object({ transmissionId: z.uuid() }) }, 204: { description: 'A receipt applied' } },
    }),
  },
  '/programs/{program}/transmissions': {
    get: operation({ summary: 'The program’s transmissions', tags: txTags, access: 'transmissions:read', path: programPath, query: pageQuery, responses: { 200: { description: 'Transmissions', schema: listOf(transmissionDto, 'ProgramTransmissionList') } } }),
    put: operation({ summary: 'Create a transmission of this program to a contact (not sent)', tags: txTags, access: 'transmissions:send', path: programPath, body: programTransmissionInput, responses: { 201: { description: 'Created', schema: transmissionDto } } }),
  },
};
