// Access changes, told to every app instance within moments: a member removed or given another role, an API key
// revoked, a password changed or reset, an organization deleted. Whatever holds on to access past a request — open
// event streams (they re-check their viewer), in-process caches of credentials (they evict) — subscribes here.
//
// Shape: `publishAccessChange(tx, change)` inside the transaction that makes the change (PostgreSQL delivers the
// NOTIFY on commit, and never for a rollback), and `heardHere(change)` after it commits where this instance must act
// before it answers (the API-key cache); `onAccessChange(handler)` in any process, on the realtime hub's one
// listening connection (no second stream). A handler gets each AccessChange, or `{ kind: 'resync' }` when the
// connection was re-established and changes may have been missed: then it must re-check (or drop) everything.
// Notifications carry ids only, never a secret, and are not stored: they are a prompt to re-check, and the database
// stays the truth (a stream that re-checks reads the current rows).
import type { Tx } from '../db';
import { realtimeHub } from './hub';

export const ACCESS_CHANNEL = 'pitchcraft_access';

export type AccessChange =
  /** A member's access in one organization changed: removed, left, or given another role or other grants. */
  | { kind: 'member'; organizationId: string; userId: string }
  /** A person's credentials changed (password changed or reset): every session and token issued before ends. */
  | { kind: 'credentials'; userId: string }
  /** An API key was revoked (or its scopes changed). */
  | { kind: 'apiKey'; organizationId: string; apiKeyId: string };

/** A published change, or a prompt to re-check everything after the listening connection was re-established. */
export type AccessNotice = AccessChange | { kind: 'organization'; organizationId: string } | { kind: 'resync' };

/**
 * Publishes the change with the caller's transaction: every instance hears it on commit. This instance's handlers
 * also hear it at once, before the commit: caches evict (a lookup made before the commit may still cache the old row,
 * for as long as the NOTIFY takes to come back — the same bound every other instance has), so the next request here
 * after the change reads the new state whoever published it; streams re-check now and again on the NOTIFY. A change
 * that rolls back costs one needless eviction.
 */
export async function publishAccessChange(tx: Tx, change: AccessChange | { kind: 'organization'; organizationId: string }): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(change)})`;
  heardHere(change);
}

/**
 * After the transaction that published `change` committed: this instance's handlers act on it at once (an API key
 * revoked here is refused by the very next request here), before the NOTIFY comes back; other instances hear the
 * NOTIFY. Handlers may thus hear a change twice; they re-check or evict, which is idempotent.
 */
export function heardHere(change: AccessChange | { kind: 'organization'; organizationId: string }): void {
  realtimeHub().deliverHere(ACCESS_CHANNEL, JSON.stringify(change));
}

/** Who holds access somewhere: a person (in an organization, when they act in one) or an API key. */
export type AccessHolder = { organizationId: string | null; userId: string | null; apiKeyId: string | null };

/** Whether a notice may change what this holder may do (resync: always). */
export function concerns(notice: AccessNotice, holder: AccessHolder): boolean {
  switch (notice.kind) {
    case 'resync':
      return true;
    case 'member':
      return holder.userId === notice.userId && holder.organizationId === notice.organizationId;
    case 'credentials':
      return holder.userId === notice.userId;
    case 'apiKey':
      return holder.apiKeyId === notice.apiKeyId;
    case 'organization':
      return holder.organizationId === notice.organizationId;
  }
}

function parse(payload: string | null): AccessNotice | null {
  if (payload === null) return { kind: 'resync' };
  try {
    const value = JSON.parse(payload) as AccessNotice;
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Calls `handler` with every access change any instance commits from now on; resolves once listening. */
export async function onAccessChange(handler: (notice: AccessNotice) => void): Promise<() => void> {
  return realtimeHub().listen(ACCESS_CHANNEL, (payload) => {
    const notice = parse(payload);
    if (notice) handler(notice);
  });
}
