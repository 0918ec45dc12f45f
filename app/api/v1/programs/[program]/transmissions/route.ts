import { programTransmissionInput } from '@/server/domain/transmissions/transmission.schema';
import { createTransmission, programTransmissions } from '@/server/domain/transmissions/manage-transmissions';
import { listEnvelope, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { program: string };

// GET /api/v1/programs/{id}/transmissions – the program's transmissions
export const GET = withApi<'transmissions:read', P>({ access: 'transmissions:read' }, async ({ ctx, params, url }) => {
  const page = parsePage(url);
  const { count, results } = await programTransmissions({ ctx, programId: params.program, page });
  return ok(listEnvelope(url, page, count, results));
});

// PUT /api/v1/programs/{id}/transmissions – create a transmission of this program to a contact (not sent yet)
export const PUT = withApi<'transmissions:send', P>({ access: 'transmissions:send' }, async ({ ctx, params, body }) => {
  const t = await createTransmission({ ctx, programId: params.program, input: body.json(programTransmissionInput) });
  return created(t, `/api/v1/transmissions/${t.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
