// Idempotency-Key for POST (API.md §1): the first response is stored for 24 h and replayed for the same key and body.
// The scope is who is asking (idempotencyScope, the one rule for every access level, public included), so the same
// key sent by another caller or to another organization is a new request; a response's secrets are never stored.
import { sha256 } from '../auth/secrets';
import type { Ctx } from '../context';
import { db } from '../db';
import { conflict, validationFailed } from '../errors';

const TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The credentials a caller without an actor (a customer, a visitor) may present, by header: an organization's public
 * call token, a call's own token. Routes reading another public credential from a header name it here.
 */
export const PUBLIC_CREDENTIAL_HEADERS = ['x-organization-token', 'x-call-token'] as const;

/**
 * SECURITY: whose key space an Idempotency-Key lives in — the one scoping rule for every access level.
 * - A user or API key: that actor in the organization it acts in.
 * - A public caller presenting a credential (PUBLIC_CREDENTIAL_HEADERS): that credential, by digest. The credential
 *   names the organization (or the call, and so its organization), so neither another organization's token, a wrong
 *   one nor none reaches the key space of this one.
 * - A public caller presenting none: the request itself (method, path and body). Only the very same request is
 *   replayed, and the same key with another body is a new request rather than a 409, so nobody learns that a key was
 *   used by someone else. Never the IP address: many callers share one, and one caller changes it.
 */
export function idempotencyScope(opts: { ctx: Pick<Ctx, 'actor' | 'organizationId'> | null; headers: Headers; requestHash: string }): string {
  if (opts.ctx) return `${opts.ctx.actor.kind}:${opts.ctx.actor.id}|${opts.ctx.organizationId ?? '-'}`;
  const presented = PUBLIC_CREDENTIAL_HEADERS.flatMap((name) => {
    const value = opts.headers.get(name)?.trim();
    return value ? [`${name}=${value}`] : [];
  });
  if (presented.length) return `credential:${sha256(presented.join('\n'))}`;
  return `anonymous:${opts.requestHash}`;
}

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
