import { recordingInput, LIBRARY_ORDERING } from '@/server/domain/library/library.schema';
import { createItem, listItems } from '@/server/domain/library/manage-media-items';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/messages/recordings – voice recordings of the library (?search by name)
export const GET = withApi({ access: 'messages:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, LIBRARY_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listItems({ ctx, kind: 'recording', page, ordering, search: url.searchParams.get('search') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/messages/recordings – create a voice recording (its file goes to PUT …/{id}/media)
export const POST = withApi({ access: 'messages:manage' }, async ({ ctx, body }) => {
  const item = await createItem({ ctx, kind: 'recording', input: body.json(recordingInput) });
  return created(item, `/api/v1/messages/recordings/${item.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
