// A dealer goes online or offline (POST /me/presence) and keeps their presence and active call alive with pings
// (POST /me/ping).
import { requirePermission, requireUser, type Ctx } from '../../context';
import { db } from '../../db';
import { conflict, forbidden } from '../../errors';
import { dealerMembershipSelect, toDealerDto } from './dealer-dto';
import { lockDealer } from './dealer-row';
import { schedulePingCheck } from './ping-watch';
import { presenceInput, type DealerDto } from './dealer.schema';

export async function setPresence(opts: { ctx: Ctx; input: unknown }): Promise<DealerDto> {
  const ctx = requirePermission(opts.ctx, 'calls:answer');
  const userId = requireUser(ctx);
  const input = presenceInput.parse(opts.input);
  await db.$transaction(async (tx) => {
    const dealer = await lockDealer(tx, ctx.organizationId, userId);
    const now = new Date();
    if (input.status === 'online') {
      if (!dealer.active) throw forbidden('A manager has paused your live calls in this organization');
    } else {
      const inCall = await tx.call.findFirst({ where: { organizationId: ctx.organizationId, dealerId: userId, status: 'active' }, select: { id: true } });
      if (inCall) throw conflict('You are in a call: end it before going offline');
    }
    await tx.dealer.update({
      where: { id: dealer.id },
      data: { presence: input.status, ...(dealer.presence !== input.status && { presenceAt: now }), ...(input.status === 'online' && { lastPingAt: now }) },
    });
    // Online means pinging: the heartbeat watch starts now.
    if (input.status === 'online') await schedulePingCheck(tx, dealer, now);
  });
  return myDealer(ctx.organizationId, userId);
}

/** The heartbeat: records that the dealer's console is still there. */
export async function pingAsDealer(opts: { ctx: Ctx }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'calls:answer');
  const userId = requireUser(ctx);
  await db.$transaction(async (tx) => {
    const dealer = await lockDealer(tx, ctx.organizationId, userId);
    const now = new Date();
    await tx.dealer.update({ where: { id: dealer.id }, data: { lastPingAt: now } });
    if (dealer.presence === 'online') await schedulePingCheck(tx, dealer, now);
  });
}

/** The caller's own dealer record in their active organization. */
export async function getMyDealer(opts: { ctx: Ctx }): Promise<DealerDto & { activeCallId: string | null }> {
  const ctx = requirePermission(opts.ctx, 'calls:answer');
  const userId = requireUser(ctx);
  const [dealer, active] = await Promise.all([
    myDealer(ctx.organizationId, userId),
    db.call.findFirst({ where: { organizationId: ctx.organizationId, dealerId: userId, status: 'active' }, select: { id: true } }),
  ]);
  return { ...dealer, activeCallId: active?.id ?? null };
}

async function myDealer(organizationId: string, userId: string) {
  const m = await db.membership.findFirstOrThrow({ where: { organizationId, userId }, select: dealerMembershipSelect });
  return toDealerDto(m);
}
