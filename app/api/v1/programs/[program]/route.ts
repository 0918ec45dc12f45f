import { z } from 'zod';
import { createProgram, deleteProgram, getProgram } from '@/server/domain/programs/manage-programs';
import { created, noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// The segment is a program's id for GET and DELETE, and a program type for POST (/programs/sendsms), as ICTCore has it.
type P = { program: string };

// GET /api/v1/programs/{id} – a program
export const GET = withApi<'programs:read', P>({ access: 'programs:read' }, async ({ ctx, params }) => ok(await getProgram({ ctx, id: params.program })));

// POST /api/v1/programs/{type} – create a program of that type with the reference it needs → { programId }
export const POST = withApi<'programs:manage', P>({ access: 'programs:manage' }, async ({ ctx, params, body }) => {
  const program = await createProgram({ ctx, type: params.program, input: body.json(z.unknown()) });
  return created({ programId: program.id }, `/api/v1/programs/${program.id}`);
});

// DELETE /api/v1/programs/{id} – delete it (409 while it is in use)
export const DELETE = withApi<'programs:manage', P>({ access: 'programs:manage' }, async ({ ctx, params }) => {
  await deleteProgram({ ctx, id: params.program });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, OPTIONS } = otherMethods({ GET, POST, DELETE });
