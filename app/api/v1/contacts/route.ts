import { CONTACT_ORDERING, createContactInput } from '@/server/domain/contacts/contact.schema';
import { createContact, listContacts } from '@/server/domain/contacts/manage-contacts';
import { filterParams, listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/contacts – the organization's contacts (?search over name, phone and email; ?groupId)
export const GET = withApi({ access: 'contacts:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, CONTACT_ORDERING, { field: 'createdAt', direction: 'desc' });
  const { count, results } = await listContacts({ ctx, filters: filterParams(url), page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/contacts – create a contact; a phone or email another contact holds is 409 naming it
export const POST = withApi({ access: 'contacts:manage' }, async ({ ctx, body }) => {
  const contact = await createContact({ ctx, input: body.json(createContactInput) });
  return created(contact, `/api/v1/contacts/${contact.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
