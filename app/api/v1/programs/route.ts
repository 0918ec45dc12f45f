import { PROGRAM_ORDERING } from '@/server/domain/programs/program.schema';
import { listPrograms } from '@/server/domain/programs/manage-programs';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/programs – programs of every type (?type=sendsms,sendemail…)
export const GET = withApi({ access: 'programs:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, PROGRAM_ORDERING, { field: 'createdAt', direction: 'desc' });
  const { count, results } = await listPrograms({ ctx, page, ordering, type: url.searchParams.get('type') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
