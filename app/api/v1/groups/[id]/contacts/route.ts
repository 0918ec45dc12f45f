import { CONTACT_ORDERING } from '@/server/domain/contacts/contact.schema';
import { listGroupContacts } from '@/server/domain/contacts/manage-contacts';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/groups/{id}/contacts – the group's contacts (?search over name, phone and email)
export const GET = withApi<'contacts:read', { id: string }>({ access: 'contacts:read' }, async ({ ctx, url, params }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, CONTACT_ORDERING, { field: 'createdAt', direction: 'desc' });
  const { count, results } = await listGroupContacts({ ctx, groupId: params.id, search: url.searchParams.get('search') ?? undefined, page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
