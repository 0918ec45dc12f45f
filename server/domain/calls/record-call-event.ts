// Writes one line of a call's history (a transition, a note, a client log line) with its time and actor.
import type { Prisma } from '../../generated/prisma/client';
import type { Tx } from '../../db';

export type CallEventActor = { actor: 'customer' | 'user' | 'apiKey' | 'system'; actorId: string | null };

export async function recordCallEvent(
  tx: Tx,
  e: { callId: string; organizationId: string; type: string; code?: string | null; detail?: Prisma.InputJsonObject; at?: Date } & CallEventActor,
) {
  return tx.callEvent.create({
    data: { callId: e.callId, organizationId: e.organizationId, type: e.type, code: e.code ?? null, actor: e.actor, actorId: e.actorId, detail: e.detail ?? {}, ...(e.at && { createdAt: e.at }) },
  });
}
