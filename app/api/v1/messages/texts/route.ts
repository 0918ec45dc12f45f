import { LIBRARY_ORDERING, smsTextInput } from '@/server/domain/library/library.schema';
import { createText, listTexts } from '@/server/domain/library/manage-texts';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/messages/texts – SMS texts of the library (?search by name)
export const GET = withApi({ access: 'messages:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, LIBRARY_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listTexts({ ctx, page, ordering, search: url.searchParams.get('search') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/messages/texts – create an SMS text (merge fields checked; plain texts GSM-7 only)
export const POST = withApi({ access: 'messages:manage' }, async ({ ctx, body }) => {
  const text = await createText({ ctx, input: body.json(smsTextInput) });
  return created(text, `/api/v1/messages/texts/${text.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
