// The browser's two event streams (a member's tab, a customer's call page) say when they listen: `ready`, untracked
// (no event id: a reconnect still resumes from the last real event), first. A change committed between a page's first
// read and that moment is in no event of the stream — the page reads again on `ready` and sees it — and what commits
// right after `ready` is delivered.
import { describe, expect, it } from 'vitest';
import { newDealer } from '../test/call-factories';
import { callTokenOf } from '../test/call-factories';
import { newTenant, randomIp } from '../test/factories';
import { appRouter } from './root';

type Item = { tracked: false; value: { type: string; resumed?: boolean } } | { tracked: true; id: string; value: { type: string; payload: Record<string, unknown> } };

/** Opens a subscription through the router, as the browser's SSE link does; `next()` is its next item (or fails). */
function open(subscribe: (caller: ReturnType<typeof appRouter.createCaller>) => Promise<unknown>, ctx: { userId: string | null; organizationId: string | null }) {
  const abort = new AbortController();
  const caller = appRouter.createCaller({ userId: ctx.userId, requestedOrganizationId: ctx.organizationId, requestId: '00000000-0000-4000-8000-000000000000', ip: randomIp() }, { signal: abort.signal });
  const iterator = subscribe(caller).then((iterable) => (iterable as AsyncIterable<unknown>)[Symbol.asyncIterator]());
  return {
    async next(ms = 10_000): Promise<Item> {
      const it = await iterator;
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([it.next(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no item in time')), ms)))]).finally(() => clearTimeout(timer));
      expect(result.done, 'the stream is still open').toBe(false);
      // tracked(id, data) travels as [id, data, marker]; anything else as it was yielded.
      const v = result.value as unknown;
      return Array.isArray(v) ? { tracked: true, id: v[0] as string, value: v[1] as { type: string; payload: Record<string, unknown> } } : { tracked: false, value: v as { type: string } };
    },
    async close() {
      abort.abort();
      await (await iterator).return?.(undefined);
    },
  };
}

describe('the browser event streams say ready', () => {
  it("a member's stream: ready first and untracked; a rename committed before it is read again, the next one arrives", async () => {
    const t = await newTenant('ready-member');
    const owner = { userId: t.owner.userId, organizationId: t.organizationId };
    const caller = appRouter.createCaller({ userId: owner.userId, requestedOrganizationId: owner.organizationId, requestId: '00000000-0000-4000-8000-000000000000', ip: null });
    // The page's first read, then a change elsewhere, then the page's stream connects.
    expect((await caller.organization.get()).name).toBe('Org ready-member');
    await caller.organization.update({ name: 'Renamed while connecting' });
    const stream = open((c) => c.realtime.events({ lastEventId: null }), owner);
    expect(await stream.next()).toEqual({ tracked: false, value: { type: 'ready', resumed: false } });
    // The cue's point: the read made again now shows the change no event will carry.
    expect((await caller.organization.get()).name).toBe('Renamed while connecting');
    await caller.organization.update({ name: 'Renamed right after ready' });
    const next = await stream.next();
    expect(next).toMatchObject({ tracked: true, value: { type: 'organization.updated', payload: { name: 'Renamed right after ready' } } });
    await stream.close();

    // Resumed from that event's id (a reconnect), the stream replays from there and says it needs no re-read.
    const resumed = open((c) => c.realtime.events({ lastEventId: next.tracked ? next.id : null }), owner);
    expect(await resumed.next()).toEqual({ tracked: false, value: { type: 'ready', resumed: true } });
    await caller.organization.update({ name: 'Renamed after the reconnect' });
    expect(await resumed.next()).toMatchObject({ tracked: true, value: { type: 'organization.updated', payload: { name: 'Renamed after the reconnect' } } });
    await resumed.close();
  });

  it("a customer's call page: ready first; a dealer who answered while it connected is read again, the next message arrives", async () => {
    const t = await newTenant('ready-call');
    const d = await newDealer(t);
    const customer = appRouter.createCaller({ userId: null, requestedOrganizationId: null, requestId: '00000000-0000-4000-8000-000000000000', ip: randomIp() });
    const dealer = appRouter.createCaller({ userId: d.userId, requestedOrganizationId: t.organizationId, requestId: '00000000-0000-4000-8000-000000000000', ip: null });
    const call = await customer.callRoom.request({ organizationToken: await callTokenOf(t), call: { vin: '2T1BURHEXJC043821' } });
    const access = { callId: call.id, callToken: call.callToken };
    expect((await customer.callRoom.get(access)).status).toBe('requested');
    await dealer.calls.accept({ id: call.id });
    const stream = open((c) => c.callRoom.events({ ...access, lastEventId: null }), { userId: null, organizationId: null });
    expect(await stream.next()).toEqual({ tracked: false, value: { type: 'ready', resumed: false } });
    expect((await customer.callRoom.get(access)).status).toBe('active');
    await dealer.calls.sendMessage({ id: call.id, message: 'Hello, I am here' });
    // The accept committed before the stream listened: the first event it brings is the message, not call.updated.
    expect(await stream.next()).toMatchObject({ tracked: true, value: { type: 'message.created' } });
    await stream.close();
  });
});
