import { listPermissions } from '@/server/domain/roles/manage-roles';
import { listEnvelope, parsePage } from '@/server/rest/pagination';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/permissions – every permission with what it allows (API key scopes are among them)
export const GET = withApi({ access: 'members:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const all = listPermissions({ ctx });
  return ok(listEnvelope(url, page, all.length, all.slice(page.offset, page.offset + page.limit)));
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
