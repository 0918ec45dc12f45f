import { TRANSMISSION_ORDERING, transmissionInput } from '@/server/domain/transmissions/transmission.schema';
import { createTransmission, listTransmissions } from '@/server/domain/transmissions/manage-transmissions';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/transmissions – transmissions (?status=, ?direction=, ?programId=, ?contactId=, ?search=)
export const GET = withApi({ access: 'transmissions:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, TRANSMISSION_ORDERING, { field: 'createdAt', direction: 'desc' });
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const { count, results } = await listTransmissions({ ctx, page, ordering, filters: { status: q('status'), direction: q('direction'), programId: q('programId'), contactId: q('contactId'), search: q('search') } });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/transmissions – a transmission of a program to a contact (not sent yet: POST …/send)
export const POST = withApi({ access: 'transmissions:send' }, async ({ ctx, body }) => {
  const t = await createTransmission({ ctx, input: body.json(transmissionInput) });
  return created(t, `/api/v1/transmissions/${t.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
