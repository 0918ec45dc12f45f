import { scheduleInput } from '@/server/domain/transmissions/transmission.schema';
import { cancelSchedule, scheduleTransmission } from '@/server/domain/transmissions/send-transmission';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// PUT /api/v1/transmissions/{id}/schedule – send it at { at } (replaces an earlier schedule) → { scheduleId }
export const PUT = withApi<'transmissions:send', P>({ access: 'transmissions:send' }, async ({ ctx, params, body }) => ok(await scheduleTransmission({ ctx, id: params.id, input: body.json(scheduleInput) })));

// DELETE /api/v1/transmissions/{id}/schedule – cancel the scheduled send (404 when none is set)
export const DELETE = withApi<'transmissions:send', P>({ access: 'transmissions:send' }, async ({ ctx, params }) => {
  await cancelSchedule({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
