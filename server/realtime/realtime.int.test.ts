// Realtime events: stored with their transaction, delivered in order to those who may see them, replayed exactly from
// a Last-Event-ID, over one listening connection per process.
import { describe, expect, it } from 'vitest';
import { db, sqlRows } from '../db';
import { api } from '../test/api-client';
import { newTenant } from '../test/factories';
import type { Viewer } from './event';
import { eventsStatement, publishEvent } from './publish-event';
import { subscribeEvents, type StreamItem } from './subscribe-events';
import { sweepRealtimeEvents } from './sweep-events';

const viewer = (organizationId: string, over: Partial<Viewer> = {}): Viewer => ({ organizationId, userId: null, permissions: new Set(), ...over });

type Ready = Extract<StreamItem, { kind: 'ready' }>;

/**
 * Subscribes and collects what arrives after `ready` (checked here to come first, once); `ready` resolves when the
 * stream says it is listening, `take(n)` waits for n items.
 */
function listen(v: Viewer, lastEventId?: string) {
  const abort = new AbortController();
  const items: StreamItem[] = [];
  let notify = () => {};
  let saidReady: (r: Ready) => void = () => {};
  const ready = new Promise<Ready>((r) => (saidReady = r));
  let readies = 0;
  const done = (async () => {
    for await (const item of subscribeEvents(v, { lastEventId, signal: abort.signal })) {
      if (item.kind === 'ready') {
        expect(items, 'ready comes before anything else').toEqual([]);
        expect(++readies, 'one ready').toBe(1);
        saidReady(item);
      } else items.push(item);
      notify();
    }
  })();
  const take = async (n: number, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (items.length < n) {
      if (Date.now() > deadline) throw new Error(`expected ${n} events, got ${items.length}: ${JSON.stringify(items)}`);
      await new Promise<void>((r) => ((notify = r), setTimeout(r, 50)));
    }
    return items.slice(0, n);
  };
  return { items, ready, take, stop: async () => (abort.abort(), await done) };
}

const types = (items: StreamItem[]) => items.map((i) => (i.kind === 'event' ? i.event.type : 'reset'));
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('realtime events', () => {
  it('delivers committed events in order, nothing from a rolled-back transaction, to those allowed to see them', async () => {
    const t = await newTenant('rt-visibility');
    const org = t.organizationId;
    const member = listen(viewer(org, { userId: 'u-member', permissions: new Set(['organization:read']) }));
    const auditor = listen(viewer(org, { userId: 'u-auditor', permissions: new Set(['audit:read']) }));
    const outsider = listen(viewer((await newTenant('rt-other')).organizationId, { permissions: new Set(['audit:read']) }));
    const customer = listen(viewer(org, { subject: 'call:1' }));
    await Promise.all([member, auditor, outsider, customer].map((l) => l.ready));
    await expect(db.$transaction(async (tx) => {
      await publishEvent(tx, { organizationId: org, type: 'never.seen' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(await db.realtimeEvent.count({ where: { organizationId: org, type: 'never.seen' } })).toBe(0);
    await publishEvent(db, { organizationId: org, type: 'one.everyone' });
    await publishEvent(db, { organizationId: org, type: 'two.audit', audience: { permission: 'audit:read' } });
    const auditorUserId = (await db.user.findUniqueOrThrow({ where: { id: t.owner.userId } })).id;
    await publishEvent(db, { organizationId: org, type: 'three.personal', audience: { userId: auditorUserId } });
    await publishEvent(db, { organizationId: org, type: 'four.call', audience: { subject: 'call:1' } });
    await publishEvent(db, { organizationId: org, type: 'five.other-call', audience: { subject: 'call:2' } });
    expect(types(await member.take(3))).toEqual(['one.everyone', 'four.call', 'five.other-call']);
    expect(types(await auditor.take(4))).toEqual(['one.everyone', 'two.audit', 'four.call', 'five.other-call']);
    expect(types(await customer.take(1))).toEqual(['four.call']);
    await settle();
    expect(outsider.items).toHaveLength(0);
    expect(customer.items).toHaveLength(1);
    expect(member.items).toHaveLength(3);
    for (const l of [member, auditor, outsider, customer]) await l.stop();
  });

  it('replays exactly what a client missed, in order, from its Last-Event-ID', async () => {
    const { organizationId: org } = await newTenant('rt-replay');
    const v = viewer(org, { userId: 'u1', permissions: new Set(['organization:read']) });
    const first = listen(v);
    await first.ready;
    await publishEvent(db, { organizationId: org, type: 'a' });
    await publishEvent(db, { organizationId: org, type: 'b' });
    const seen = await first.take(2);
    await first.stop();
    const last = seen[1]!.kind === 'event' ? seen[1]!.event.id : '';
    // While disconnected: two visible events and one it may not see.
    await publishEvent(db, { organizationId: org, type: 'c' });
    await publishEvent(db, { organizationId: org, type: 'hidden', audience: { permission: 'audit:read' } });
    await publishEvent(db, { organizationId: org, type: 'd' });
    const again = listen(v, last);
    expect(types(await again.take(2))).toEqual(['c', 'd']);
    await publishEvent(db, { organizationId: org, type: 'e' });
    expect(types(await again.take(3))).toEqual(['c', 'd', 'e']);
    await settle();
    expect(again.items).toHaveLength(3);
    await again.stop();
  });

  it('says ready once listening: what commits right after is delivered; what committed before is for the reader to read again', async () => {
    const { organizationId: org } = await newTenant('rt-ready');
    const v = viewer(org, { userId: 'u1', permissions: new Set(['organization:read']) });
    // Committed after a page's first read, before its stream listens: no event of the stream will carry it.
    const before = await publishEvent(db, { organizationId: org, type: 'before' });
    const fresh = listen(v);
    const ready = await fresh.ready;
    expect(ready.resumed).toBe(false);
    // It listens from the newest event of the organization on: `before` is behind it.
    expect(BigInt(ready.cursor) >= BigInt(before)).toBe(true);
    // No pause: the stream is listening the moment it says so.
    await publishEvent(db, { organizationId: org, type: 'right-after' });
    expect(types(await fresh.take(1))).toEqual(['right-after']);
    // A stream resumed from an id replays from there instead (and says so: nothing to read again).
    const resumed = listen(v, before);
    expect(await resumed.ready).toEqual({ kind: 'ready', cursor: before, resumed: true });
    expect(types(await resumed.take(1))).toEqual(['right-after']);
    await settle();
    expect(fresh.items).toHaveLength(1);
    expect(resumed.items).toHaveLength(1);
    await Promise.all([fresh.stop(), resumed.stop()]);
  });

  it('keeps commit order under concurrent publishers, and serves many clients over one listening connection', async () => {
    const { organizationId: org } = await newTenant('rt-order');
    const clients = Array.from({ length: 40 }, (_, i) => listen(viewer(org, { userId: `u${i}` })));
    await Promise.all(clients.map((c) => c.ready));
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        db.$transaction(async (tx) => {
          await new Promise((r) => setTimeout(r, Math.random() * 20));
          await publishEvent(tx, { organizationId: org, type: 'burst', payload: { i } });
        }),
      ),
    );
    for (const c of clients) {
      const got = await c.take(25);
      const ids = got.map((g) => (g.kind === 'event' ? BigInt(g.event.id) : 0n));
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    }
    const listening = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${`pitchcraft-realtime-${process.pid}`}`;
    expect(Number(listening[0]!.n)).toBe(1);
    await Promise.all(clients.map((c) => c.stop()));
  });

  it('several events of several organizations in one statement: each organization hears its own, in the order given', async () => {
    const [a, b] = await Promise.all([newTenant('rt-many-a'), newTenant('rt-many-b')]);
    const [la, lb] = [listen(viewer(a.organizationId)), listen(viewer(b.organizationId))];
    await settle();
    const event = (organizationId: string, n: number) => ({ organizationId, type: `many.${n}`, payload: { n } });
    // Twice at once, the organizations in opposite orders: each statement takes both locks in one order, no deadlock.
    await Promise.all([
      sqlRows(eventsStatement([event(a.organizationId, 1), event(b.organizationId, 1), event(a.organizationId, 2)])),
      sqlRows(eventsStatement([event(b.organizationId, 2), event(a.organizationId, 3), event(b.organizationId, 3)])),
    ]);
    const [ga, gb] = await Promise.all([la.take(3), lb.take(3)]);
    const ns = (items: StreamItem[]) => items.map((i) => (i.kind === 'event' ? (i.event.payload as { n: number }).n : 0));
    // Within each statement the given order; the two statements in either order, whole.
    expect([[1, 2, 3], [3, 1, 2]]).toContainEqual(ns(ga));
    expect([[1, 2, 3], [2, 3, 1]]).toContainEqual(ns(gb));
    const ids = (items: StreamItem[]) => items.map((i) => (i.kind === 'event' ? BigInt(i.event.id) : 0n));
    for (const list of [ids(ga), ids(gb)]) expect([...list].sort((x, y) => (x < y ? -1 : 1))).toEqual(list);
    await Promise.all([la.stop(), lb.stop()]);
  });

  it('GET /events streams SSE with ids, resumes from Last-Event-ID and refuses a bad one', async () => {
    const t = await newTenant('rt-sse');
    const read = async (headers: Record<string, string>, until: (text: string) => boolean) => {
      const res = await api('GET', '/events', { headers, stream: true });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.stream!.getReader();
      let text = '';
      const decoder = new TextDecoder();
      while (!until(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      await reader.cancel();
      return text;
    };
    const first = read(t.orgHeaders, (s) => s.includes('event: organization.updated'));
    await settle();
    expect((await api('PATCH', `/organizations/${t.organizationId}`, { json: { name: 'Renamed live' }, headers: t.orgHeaders })).status).toBe(200);
    const text = await first;
    const block = text.split('\n\n').find((b) => b.includes('event: organization.updated'))!;
    const id = block.match(/^id: (\d+)$/m)![1]!;
    expect(JSON.parse(block.match(/^data: (.*)$/m)![1]!)).toMatchObject({ id, type: 'organization.updated', payload: { name: 'Renamed live' } });
    await api('PATCH', `/organizations/${t.organizationId}`, { json: { name: 'Renamed again' }, headers: t.orgHeaders });
    const resumed = await read({ ...t.orgHeaders, 'last-event-id': id }, (s) => s.includes('Renamed again'));
    expect(resumed).not.toContain('Renamed live');
    const bad = await api('GET', '/events', { headers: { ...t.orgHeaders, 'last-event-id': 'abc' } });
    expect([bad.status, bad.body.code]).toEqual([422, 'validation_failed']);
  });

  it('sweeps events older than 7 days', async () => {
    const { organizationId: org } = await newTenant('rt-sweep');
    await publishEvent(db, { organizationId: org, type: 'old' });
    await publishEvent(db, { organizationId: org, type: 'new' });
    await db.realtimeEvent.updateMany({ where: { organizationId: org, type: 'old' }, data: { createdAt: new Date(Date.now() - 8 * 86_400_000) } });
    await sweepRealtimeEvents();
    expect((await db.realtimeEvent.findMany({ where: { organizationId: org, type: { in: ['old', 'new'] } } })).map((e) => e.type)).toEqual(['new']);
  });
});
