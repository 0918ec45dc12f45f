// Idempotency-Key for POST (API.md §1): the first response is stored for 24 h and replayed for the same key and body.
// The scope is the caller and the organization it acts in, so the same key sent to another organization is a new
// request; a response's secrets are never stored (see forReplay).
import { db } from '../db';
import { conflict, validationFailed } from '../errors';

const TTL_MS = 24 * 60 * 60 * 1000;

export type StoredResponse = { status: number; body: string; headers: Record<string, string> };

export type Claim = { kind: 'new'; id: string } | { kind: 'replay'; response: StoredResponse };

/** Claims the key for this request, or returns the stored response of the first one. */
export async function claimIdempotencyKey(scope: string, key: string, requestHash: string): Promise<Claim> {
  if (key.length > 255) throw validationFailed('Idempotency-Key', 'must be at most 255 characters');
  const now = new Date();
  // Expired records are dead weight: remove the one in our way (so the key can be reused after 24 h) and a bounded
  // batch of others, so the table stays near one day of traffic without a separate sweeper.
  await db.idempotencyRecord.deleteMany({ where: { scope, key, expiresAt: { lt: now } } });
  await db.$executeRaw`DELETE FROM "IdempotencyRecord" WHERE id IN (SELECT id FROM "IdempotencyRecord" WHERE "expiresAt" < ${now} LIMIT 100)`;
  const inserted = await db.idempotencyRecord.createManyAndReturn({
    data: [{ scope, key, requestHash, expiresAt: new Date(now.getTime() + TTL_MS) }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted[0]) return { kind: 'new', id: inserted[0].id };
  const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (!existing) return claimIdempotencyKey(scope, key, requestHash);
  if (existing.requestHash !== requestHash) throw conflict('This Idempotency-Key was already used with a different request');
  if (existing.status === null || existing.body === null) throw conflict('A request with this Idempotency-Key is still being processed');
  return { kind: 'replay', response: { status: existing.status, body: existing.body, headers: (existing.headers ?? {}) as Record<string, string> } };
}

export async function completeIdempotencyKey(id: string, response: StoredResponse | null): Promise<void> {
  // A 5xx is not a result worth replaying: release the key so the caller can retry.
  if (!response || response.status >= 500) {
    await db.idempotencyRecord.deleteMany({ where: { id } });
    return;
  }
  await db.idempotencyRecord.update({ where: { id }, data: { status: response.status, body: response.body, headers: response.headers } });
}

/** Names the fields a replay leaves out: their values were shown once and never stored. */
export const REPLAY_OMITTED_HEADER = 'Idempotent-Replay-Omitted';

/**
 * What is stored for replay: the response with its secret fields set to null, and a header naming them, so a
 * replay answers the resource and says why the secret is missing (SECURITY: a secret is shown once, never kept).
 */
export function forReplay(response: StoredResponse, body: unknown, secretFields: readonly string[] | undefined): StoredResponse {
  if (!secretFields?.length || typeof body !== 'object' || body === null) return response;
  const redacted = { ...(body as Record<string, unknown>) };
  for (const field of secretFields) if (field in redacted) redacted[field] = null;
  return { ...response, body: JSON.stringify(redacted), headers: { ...response.headers, [REPLAY_OMITTED_HEADER]: secretFields.join(', ') } };
}
