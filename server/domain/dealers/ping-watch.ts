// Watches dealers' heartbeats with one queued job per dealer: when their pings stop for CALL_PING_TIMEOUT_SECONDS
// they go offline and their active call expires. Driven by the job queue, never by a browser.
import { db, type Tx } from '../../db';
import { callTimings } from '../../env';
import { enqueue } from '../../jobs/enqueue';
import { expireCall } from '../calls/call-lifecycle';
import { lockDealer, type DealerRow } from './dealer-row';

/** Queues the dealer's next heartbeat check, unless one is already queued. Call with the dealer row locked. */
export async function schedulePingCheck(tx: Tx, dealer: DealerRow, lastPingAt: Date) {
  if (dealer.pingCheckAt) return;
  const due = new Date(lastPingAt.getTime() + callTimings().pingTimeoutSeconds * 1000);
  await enqueue(tx, 'dealer.check-pings', { organizationId: dealer.organizationId, userId: dealer.userId }, { startAfter: due });
  await tx.dealer.update({ where: { id: dealer.id }, data: { pingCheckAt: due } });
}

/**
 * The job: a dealer still pinging gets the next check at their new deadline; one whose pings stopped goes offline
 * and their active call expires. Idempotent: it reads the state under the row lock and acts only on what it finds.
 */
export async function checkDealerPings(opts: { organizationId: string; userId: string }): Promise<void> {
  const member = await db.membership.findFirst({ where: { organizationId: opts.organizationId, userId: opts.userId }, select: { id: true } });
  // The member left (their dealer row went with them): nothing to watch.
  if (!member) return;
  await db.$transaction(async (tx) => {
    const dealer = await lockDealer(tx, opts.organizationId, opts.userId);
    await tx.dealer.update({ where: { id: dealer.id }, data: { pingCheckAt: null } });
    const active = await tx.call.findFirst({ where: { organizationId: opts.organizationId, dealerId: opts.userId, status: 'active' }, select: { id: true } });
    if (dealer.presence === 'offline' && !active) return;
    const last = dealer.lastPingAt ?? new Date(0);
    const deadline = new Date(last.getTime() + callTimings().pingTimeoutSeconds * 1000);
    if (Date.now() < deadline.getTime()) {
      await schedulePingCheck(tx, { ...dealer, pingCheckAt: null }, last);
      return;
    }
    await tx.dealer.update({ where: { id: dealer.id }, data: { presence: 'offline', presenceAt: new Date() } });
    if (active) await expireCall({ callId: active.id, lastPingAt: dealer.lastPingAt }, tx);
  });
}
