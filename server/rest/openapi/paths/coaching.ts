// OpenAPI paths of API.md §3: teams, invites, products and modules, practice sessions.
import { z } from 'zod';
import { acceptedInviteDto, inviteLinkDto, acceptInviteInput, createInvitesInput, invitePreviewDto } from '../../../domain/invites/invite.schema';
import { createModuleInput, createProductInput, moduleDto, productDto, replaceModuleInput, replaceProductInput, updateModuleInput, updateProductInput } from '../../../domain/products/product.schema';
import { createSessionInput, sessionDto, sessionSummaryDto, transcriptInput, userSessionsDto } from '../../../domain/sessions/session.schema';
import { createTeamInput, invitedDto, replaceTeamInput, teamDashboardDto, teamDto, teamSettingsDto, updateTeamInput } from '../../../domain/teams/team.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const ordering = (fields: readonly string[]) => z.enum(fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const dateRange = {
  from: z.string().optional().meta({ description: 'YYYY-MM-DD (inclusive) or ISO timestamp' }),
  to: z.string().optional().meta({ description: 'YYYY-MM-DD (inclusive) or ISO timestamp' }),
  tz: z.string().optional().meta({ description: 'IANA time zone for from/to' }),
  timezoneoffset: z.number().int().optional().meta({ description: 'Minutes as getTimezoneOffset(): -420 means GMT+7' }),
};

const teams = ['Teams'];
const invites = ['Invites'];
const products = ['Products and modules'];
const sessions = ['Practice sessions'];
const recordingForm = z
  .object({
    moduleId: z.uuid(),
    opportunity: z.string().optional(),
    recordedAt: z.string().optional().meta({ description: 'ISO 8601 timestamp' }),
    transcript: z.string().optional().meta({ description: 'JSON words, WebVTT or plain text (spread over the recording’s voiced stretches, `transcript.timing: "estimated"`); without it the recording is scored on its pauses, length and energy and is transcribed (speech-to-text configured) or waits for PUT /sessions/{id}/transcript' }),
    transcriptSource: z.enum(['upload', 'browser']).optional().meta({ description: 'browser: the words came from the browser’s own speech recognition' }),
    audio: z.string().meta({ format: 'binary', description: 'WAV recording (audio/wav), at most 50 MB' }).optional(),
    duration: z.string().optional().meta({ description: 'Seconds the pitch took: only with a plain-text transcript and no audio' }),
  })
  .meta({ id: 'RecordingForm' });

const leads = 'The team’s managers, or an admin (coaching:admin); others get 403.';

export const coachingPaths = {
  '/teams': {
    get: operation({ summary: 'List teams', tags: teams, access: 'teams:read', query: pageQuery.extend({ ordering: ordering(['name', 'createdAt']), mine: z.boolean().optional().meta({ description: 'Only teams the caller is on' }) }), responses: { 200: { description: 'Teams', schema: listOf(teamDto, 'TeamList') } } }),
    post: operation({ summary: 'Create a team (the creator leads it unless managerIds name others)', tags: teams, access: 'teams:create', body: createTeamInput, errors: ['conflict'], responses: { 201: { description: 'Created', schema: teamDto } } }),
  },
  '/teams/{id}': {
    get: operation({ summary: 'Read a team', tags: teams, access: 'teams:read', path: idPath, responses: { 200: { description: 'Team', schema: teamDto } } }),
    patch: operation({ summary: `Rename a team or change its managers. ${leads}`, tags: teams, access: 'teams:manage', path: idPath, body: updateTeamInput, errors: ['conflict'], responses: { 200: { description: 'Team', schema: teamDto } } }),
    put: operation({ summary: `Replace a team’s name and managers. ${leads}`, tags: teams, access: 'teams:manage', path: idPath, body: replaceTeamInput, errors: ['conflict'], responses: { 200: { description: 'Team', schema: teamDto } } }),
    delete: operation({ summary: `Delete a team (people and their sessions stay). ${leads}`, tags: teams, access: 'teams:manage', path: idPath, responses: { 204: { description: 'Deleted' } } }),
  },
  '/teams/{id}/settings': {
    get: operation({ summary: `Members and pending invites. ${leads}`, tags: teams, access: 'teams:manage', path: idPath, responses: { 200: { description: 'Settings', schema: teamSettingsDto } } }),
  },
  '/teams/{id}/dashboard': {
    get: operation({
      summary: `Each member’s average score, sessions, last activity and trend. ${leads}`,
      tags: teams,
      access: 'teams:manage',
      path: idPath,
      query: z.object({ ordering: ordering(['name', 'performance', 'sessions', 'lastActivity', 'trend']) }),
      responses: { 200: { description: 'Dashboard', schema: teamDashboardDto } },
    }),
  },
  '/teams/{id}/members/{userId}': {
    delete: operation({
      summary: `Take someone off the team; their sessions stay unless purge=true. Nobody removes someone whose role holds more than theirs (403). ${leads}`,
      tags: teams,
      access: 'teams:manage',
      path: idPath.extend({ userId: z.uuid().meta({ description: 'The member’s user id (UUID); any other value is 404' }) }),
      query: z.object({ purge: z.boolean().optional().meta({ description: 'Also delete the sessions the caller may delete: for an owner or admin every practice session they recorded in the organization, for the team’s manager those on this team’s products' }) }),
      responses: { 204: { description: 'Removed' } },
    }),
  },
  '/invites': {
    get: operation({
      summary: 'Invites not yet accepted, of the teams the caller leads',
      tags: invites,
      access: 'teams:manage',
      query: pageQuery.extend({ ordering: ordering(['createdAt', 'email', 'expiresAt']), teamId: z.string().optional(), status: z.string().optional().meta({ description: 'pending, expired or pending,expired' }) }),
      responses: { 200: { description: 'Invites', schema: listOf(invitedDto, 'InviteList') } },
    }),
    post: operation({
      summary: 'Invite people to teams; each invite is emailed with its link. One bad row (named by index) refuses the batch.',
      tags: invites,
      access: 'teams:manage',
      body: createInvitesInput,
      responses: { 201: { description: 'The invites', schema: z.array(invitedDto) } },
    }),
  },
  '/invites/{token}': {
    get: operation({
      summary: 'What an invite link is for; `token` is the token from the link',
      tags: invites,
      access: 'public',
      path: z.object({ token: z.string().meta({ description: 'The invite token (inv_…)' }) }),
      errors: ['gone'],
      responses: { 200: { description: 'Invite', schema: invitePreviewDto } },
    }),
    delete: operation({ summary: 'Revoke an invite (DELETE /invites/{id}: here the segment is the invite’s id, not its link token)', tags: invites, access: 'teams:manage', path: z.object({ token: z.uuid().meta({ description: 'The invite’s id (UUID); any other value is 404' }) }), errors: ['conflict'], responses: { 204: { description: 'Revoked' } } }),
  },
  '/invites/{token}/link': {
    get: operation({
      summary: 'The invite’s link, to hand over another way than email (the segment is the invite’s id). 409 once it has expired: resend it.',
      tags: invites,
      access: 'teams:manage',
      path: z.object({ token: z.uuid().meta({ description: 'The invite’s id (UUID); any other value is 404' }) }),
      errors: ['conflict'],
      responses: { 200: { description: 'The link', schema: inviteLinkDto } },
    }),
  },
  '/invites/{token}/resend': {
    post: operation({
      summary: 'Email the invite again with a fresh link, valid INVITE_EXPIRY_DAYS from now (the previous link stops working); also for an expired invite',
      tags: invites,
      access: 'teams:manage',
      path: z.object({ token: z.uuid().meta({ description: 'The invite’s id (UUID); any other value is 404' }) }),
      responses: { 200: { description: 'The renewed invite', schema: invitedDto } },
    }),
  },
  '/invites/{token}/accept': {
    post: operation({
      summary: 'Join the team: as the signed-in caller (no body; the invited address must be theirs), or with a new account for the invited address. Used once.',
      tags: invites,
      access: 'public',
      path: z.object({ token: z.string().meta({ description: 'The invite token (inv_…)' }) }),
      body: acceptInviteInput,
      errors: ['conflict', 'gone', 'forbidden'],
      responses: { 200: { description: 'Joined', schema: acceptedInviteDto } },
    }),
  },
  '/products': {
    get: operation({ summary: 'List products', tags: products, access: 'products:read', query: pageQuery.extend({ ordering: ordering(['name', 'createdAt', 'updatedAt']), teamId: z.string().optional(), search: z.string().optional() }), responses: { 200: { description: 'Products', schema: listOf(productDto, 'ProductList') } } }),
    post: operation({ summary: 'Create a product', tags: products, access: 'products:manage', body: createProductInput, responses: { 201: { description: 'Created', schema: productDto } } }),
  },
  '/products/{id}': {
    get: operation({ summary: 'Read a product', tags: products, access: 'products:read', path: idPath, responses: { 200: { description: 'Product', schema: productDto } } }),
    patch: operation({ summary: 'Change some fields', tags: products, access: 'products:manage', path: idPath, body: updateProductInput, responses: { 200: { description: 'Product', schema: productDto } } }),
    put: operation({ summary: 'Replace every field', tags: products, access: 'products:manage', path: idPath, body: replaceProductInput, responses: { 200: { description: 'Product', schema: productDto } } }),
    delete: operation({ summary: 'Delete a product and its modules (recorded sessions stay)', tags: products, access: 'products:manage', path: idPath, responses: { 204: { description: 'Deleted' } } }),
  },
  '/products/{id}/modules': {
    get: operation({ summary: 'The product’s modules, in order', tags: products, access: 'products:read', path: idPath, query: pageQuery, responses: { 200: { description: 'Modules', schema: listOf(moduleDto, 'ModuleList') } } }),
    post: operation({ summary: 'Add a module (at the end, or at position)', tags: products, access: 'products:manage', path: idPath, body: createModuleInput, responses: { 201: { description: 'Created', schema: moduleDto } } }),
  },
  '/modules/{id}': {
    get: operation({ summary: 'Read a module', tags: products, access: 'products:read', path: idPath, responses: { 200: { description: 'Module', schema: moduleDto } } }),
    patch: operation({ summary: 'Change some fields; position moves it within its product', tags: products, access: 'products:manage', path: idPath, body: updateModuleInput, responses: { 200: { description: 'Module', schema: moduleDto } } }),
    put: operation({ summary: 'Replace every field', tags: products, access: 'products:manage', path: idPath, body: replaceModuleInput, responses: { 200: { description: 'Module', schema: moduleDto } } }),
    delete: operation({ summary: 'Delete a module (recorded sessions stay)', tags: products, access: 'products:manage', path: idPath, responses: { 204: { description: 'Deleted' } } }),
  },
  '/sessions': {
    get: operation({
      summary: 'Practice sessions the caller may see: their own, their teams’ members’, or all for admins',
      tags: sessions,
      access: 'sessions:read',
      query: pageQuery.extend({
        ordering: ordering(['recordedAt', 'score', 'duration', 'createdAt']),
        userId: z.string().optional().meta({ description: 'Comma list of user ids' }),
        moduleId: z.string().optional(),
        productId: z.string().optional(),
        teamId: z.string().optional(),
        minScore: z.number().optional(),
        maxScore: z.number().optional(),
        ...dateRange,
      }),
      responses: { 200: { description: 'Sessions', schema: listOf(sessionSummaryDto, 'SessionList') } },
    }),
    post: {
      ...operation({
        summary: 'Record a practice session; answers with the full analysis',
        tags: sessions,
        access: 'sessions:write',
        body: createSessionInput,
        errors: ['not_found', 'payload_too_large', 'unsupported_media_type'],
        responses: { 201: { description: 'The scored session (without words: the recording’s pauses, length and energy, scored on those, and `transcript.status` pending or missing)', schema: sessionDto } },
      }),
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: createSessionInput },
          'multipart/form-data': { schema: recordingForm },
        },
      },
    },
  },
  '/sessions/{id}': {
    get: operation({ summary: 'One session with its analysis (others’ sessions you do not lead: 404)', tags: sessions, access: 'sessions:read', path: idPath, responses: { 200: { description: 'Session', schema: sessionDto } } }),
    delete: operation({ summary: 'Delete a session you may see', tags: sessions, access: 'sessions:write', path: idPath, responses: { 204: { description: 'Deleted' } } }),
  },
  '/sessions/{id}/audio': {
    get: operation({
      summary: 'The recording (WAV), streamed; send Range to fetch part of it (206, or 416 outside the file)',
      tags: sessions,
      access: 'sessions:read',
      path: idPath,
      errors: ['range_not_satisfiable'],
      responses: { 200: { description: 'The whole recording', schema: z.string().meta({ format: 'binary' }), contentType: 'audio/wav' }, 206: { description: 'The requested range', schema: z.string().meta({ format: 'binary' }), contentType: 'audio/wav' } },
    }),
  },
  '/sessions/{id}/transcription': {
    post: operation({
      summary: 'Send the recording to speech-to-text again (after a failure, or recorded before a service was configured); 409 without a recording, a service, or when it already has words',
      tags: sessions,
      access: 'sessions:write',
      path: idPath,
      errors: ['conflict'],
      responses: { 202: { description: 'Queued: the session, now pending', schema: sessionDto } },
    }),
  },
  '/sessions/{id}/transcript': {
    put: operation({
      summary: 'Add or replace the transcript (JSON words, verbose_json, text/vtt, or text/plain: the words alone, spread over the recording) and re-score the session',
      tags: sessions,
      access: 'sessions:write',
      path: idPath,
      query: z.object({ duration: z.number().optional().meta({ description: 'Seconds the pitch took: only for plain text on a session without a recording, so pace and length can be scored' }) }),
      body: transcriptInput,
      bodyContentTypes: ['application/json', 'text/vtt', 'text/plain'],
      errors: ['payload_too_large', 'unsupported_media_type'],
      responses: { 200: { description: 'The re-scored session', schema: sessionDto } },
    }),
  },
  '/users/{id}/sessions': {
    get: operation({ summary: 'One person’s sessions (themselves, the managers of their teams, admins)', tags: sessions, access: 'sessions:read', path: idPath, query: pageQuery.extend({ ordering: ordering(['recordedAt', 'score', 'duration', 'createdAt']) }), responses: { 200: { description: 'Their sessions', schema: userSessionsDto } } }),
  },
};
