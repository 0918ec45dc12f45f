import { createAccessLinkInput } from '@/server/domain/access-links/access-link.schema';
import { createAccessLink } from '@/server/domain/access-links/manage-access-links';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// POST /api/v1/access-tokens – make an external user's access link and send it (email); a link still valid comes back (200)
export const POST = withApi({ access: 'externalUsers:manage' }, async ({ ctx, body }) => {
  const link = await createAccessLink({ ctx, input: body.json(createAccessLinkInput) });
  // The URL carries the link's secret: an Idempotency-Key replay answers it null rather than store it.
  return { status: link.previouslyCreated ? 200 : 201, body: link, secretFields: ['url'] };
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
