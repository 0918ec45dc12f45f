import { emailTemplateInput, LIBRARY_ORDERING } from '@/server/domain/library/library.schema';
import { createTemplate, listTemplates } from '@/server/domain/library/manage-templates';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/messages/templates – email templates of the library (?search by name)
export const GET = withApi({ access: 'messages:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, LIBRARY_ORDERING, { field: 'name', direction: 'asc' });
  const { count, results } = await listTemplates({ ctx, page, ordering, search: url.searchParams.get('search') ?? undefined });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/messages/templates – create an email template (HTML sanitized; plain text generated when absent)
export const POST = withApi({ access: 'messages:manage' }, async ({ ctx, body }) => {
  const template = await createTemplate({ ctx, input: body.json(emailTemplateInput) });
  return created(template, `/api/v1/messages/templates/${template.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
