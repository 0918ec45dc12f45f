// Who is asking about a call: the customer holding its token, or a member of its organization and what they may do.
// Anyone else, and any call of another organization, is answered exactly as a call that does not exist (404).
import { sameDigest, sha256 } from '../../auth/secrets';
import type { Ctx, OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { AppError, notFound } from '../../errors';
import { isUuid } from '../organizations/organization-access';
import type { CallStatus } from './call.schema';

export type CallParty =
  | { kind: 'customer'; organizationId: string; callId: string }
  | { kind: 'staff'; ctx: OrgCtx; organizationId: string; callId: string; isDealer: boolean; canReadAll: boolean };

type Found = { id: string; organizationId: string; status: CallStatus; dealerId: string | null };

const callNotFound = () => notFound('Call');

/**
 * Resolves the caller for a call. A call token is checked first: it opens its own call only (another call's id
 * with it is 404). Without one, the caller needs calls:read (every call), or calls:answer (calls waiting to be
 * taken, and their own).
 */
export async function resolveCallParty(opts: { ctx: Ctx | null; callToken?: string | null; callId: string }, tx: Tx = db): Promise<CallParty & { call: Found }> {
  const { callId } = opts;
  if (!isUuid(callId)) throw callNotFound();
  if (opts.callToken) {
    const hash = sha256(opts.callToken.trim());
    const call = await tx.call.findFirst({ where: { id: callId, tokenHash: hash }, select: { id: true, organizationId: true, status: true, dealerId: true, tokenHash: true } });
    // SECURITY: a token opens exactly the call it was issued for; the compare is constant-time on top of the lookup.
    if (!call || !sameDigest(call.tokenHash, hash)) throw callNotFound();
    return { kind: 'customer', organizationId: call.organizationId, callId, call };
  }
  if (!opts.ctx) throw new AppError('unauthenticated', { message: 'Send X-Call-Token, an access token or an API key', headers: { 'WWW-Authenticate': 'Bearer' } });
  const ctx = opts.ctx;
  if (!ctx.organizationId) throw callNotFound();
  const call = await tx.call.findFirst({ where: { id: callId, organizationId: ctx.organizationId }, select: { id: true, organizationId: true, status: true, dealerId: true } });
  if (!call || !mayReadCall(ctx, call)) throw callNotFound();
  const isDealer = ctx.actor.kind === 'user' && call.dealerId === ctx.actor.id;
  return { kind: 'staff', ctx: ctx as OrgCtx, organizationId: call.organizationId, callId, isDealer, canReadAll: ctx.permissions.has('calls:read'), call };
}

/**
 * SECURITY: the read rule of a call, for a member or API key of its organization — every call with calls:read; with
 * calls:answer (as a person), the calls waiting to be taken and their own. REST (resolveCallParty) and the event
 * streams (call events, event-read-rule.ts) both ask this, so a stream never carries a call REST would hide.
 */
export function mayReadCall(ctx: Pick<Ctx, 'actor' | 'permissions'>, call: { status: CallStatus; dealerId: string | null }): boolean {
  if (ctx.permissions.has('calls:read')) return true;
  if (!ctx.permissions.has('calls:answer')) return false;
  return call.status === 'requested' || (ctx.actor.kind === 'user' && call.dealerId === ctx.actor.id);
}

/**
 * SECURITY: the calls a caller may list and count — every call of the organization with calls:read, a dealer's own
 * (calls:answer, as a person) otherwise — as a Prisma where; null when none. The same rule as the calls list's SQL
 * (list-calls.ts scopedWhere), used where counts are built with Prisma (statistics).
 */
export function listableCallsWhere(ctx: OrgCtx): Prisma.CallWhereInput | null {
  if (ctx.permissions.has('calls:read')) return { organizationId: ctx.organizationId };
  if (ctx.permissions.has('calls:answer') && ctx.actor.kind === 'user') return { organizationId: ctx.organizationId, dealerId: ctx.actor.id };
  return null;
}

/** The actor columns of a call event or message written by this party. */
export function partyActor(p: CallParty): { actor: 'customer' | 'user' | 'apiKey'; actorId: string | null } {
  if (p.kind === 'customer') return { actor: 'customer', actorId: null };
  return p.ctx.actor.kind === 'apiKey' ? { actor: 'apiKey', actorId: p.ctx.actor.id } : { actor: 'user', actorId: p.ctx.actor.id };
}
