import { DEALER_ORDERING, listDealers } from '@/server/domain/dealers/list-dealers';
import { filterParams, listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/dealers – members who take live calls, with presence (filters name, phone, email, status, accountStatus, from, to)
export const GET = withApi({ access: 'members:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, DEALER_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listDealers({ ctx, filters: filterParams(url), page, ordering });
  return ok(listEnvelope(url, page, count, results));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
