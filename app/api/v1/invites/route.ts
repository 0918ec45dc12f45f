import { createInvites } from '@/server/domain/invites/create-invites';
import { createInvitesInput, INVITE_ORDERING } from '@/server/domain/invites/invite.schema';
import { listInvites } from '@/server/domain/invites/manage-invites';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/invites – invites not yet accepted, of the teams the caller leads (?teamId, ?status=pending,expired)
export const GET = withApi({ access: 'teams:manage' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, INVITE_ORDERING, { field: 'createdAt', direction: 'desc' });
  const status = url.searchParams.get('status');
  const filters = { teamId: url.searchParams.get('teamId') ?? undefined, status: status ? status.split(',').map((s) => s.trim()) : undefined };
  const { count, results } = await listInvites({ ctx, page, ordering, filters });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/invites – invite people to teams, [{ email, teamId, role }]; a bad row refuses the whole batch
export const POST = withApi({ access: 'teams:manage' }, async ({ ctx, body }) => {
  const invites = await createInvites({ ctx, input: body.json(createInvitesInput) });
  return created(invites, '/api/v1/invites');
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
