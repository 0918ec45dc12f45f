// WebRTC signalling between a call's customer and its dealer, through the app: each offer, answer and ICE candidate
// is a realtime event (server/realtime) addressed to the other party only. No third-party service is involved.
import { z } from 'zod';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { conflict, forbidden } from '../../errors';
import { iceServers } from '../../env';
import { publishEvent } from '../../realtime/publish-event';
import { resolveCallParty } from './call-access';
import { callSubject } from './call-events-realtime';

/**
 * SECURITY: signals for the customer carry this audience permission. No member can hold it (it is not one of the
 * product's permissions), so only the customer's own call stream, which is given it, sees them.
 */
export const CUSTOMER_AUDIENCE = 'call:customer';

export const callSignalInput = z
  .object({
    kind: z.enum(['ready', 'offer', 'answer', 'candidate', 'hangup', 'media']),
    // An SDP description or an ICE candidate, as the browser produced it; for `media`, whether this side's microphone
    // and camera are on ({ audio, video }), so the other side can say so instead of showing a frozen picture.
    data: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .strict()
  .refine((v) => JSON.stringify(v.data ?? null).length <= 20_000, { message: 'is too large for a signalling message', path: ['data'] });

export type CallSignal = { from: 'customer' | 'dealer'; kind: z.infer<typeof callSignalInput>['kind']; data: Record<string, unknown> | null };

export async function sendCallSignal(opts: { ctx: Ctx | null; callToken?: string | null; id: string; input: unknown }): Promise<void> {
  await db.$transaction(async (tx) => {
    const party = await resolveCallParty({ ctx: opts.ctx, callToken: opts.callToken, callId: opts.id }, tx);
    const input = callSignalInput.parse(opts.input);
    if (party.kind === 'staff' && !party.isDealer) throw forbidden('Only the dealer on this call can connect to its customer');
    if (party.call.status !== 'active') throw conflict('The call is not in progress: there is nobody to connect to');
    const from = party.kind === 'customer' ? 'customer' : 'dealer';
    const signal: CallSignal = { from, kind: input.kind, data: (input.data as Record<string, unknown> | null | undefined) ?? null };
    await publishEvent(tx, {
      organizationId: party.organizationId,
      type: 'call.signal',
      payload: { callId: party.callId, ...signal } as never,
      audience: from === 'customer' ? { userId: party.call.dealerId, subject: callSubject(party.callId) } : { permission: CUSTOMER_AUDIENCE, subject: callSubject(party.callId) },
    });
  });
}

/** The STUN/TURN servers browsers use for the call (ICE_SERVERS). */
export const callIceServers = () => ({ iceServers: iceServers() });
