// Dealers: presence and pings, the list with its filters and counts, pausing a member's calls, and tenancy.
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { newDealer, requestCall } from '../../test/call-factories';
import { newTenant } from '../../test/factories';

describe('POST /me/presence and /me/ping', () => {
  it('goes online and offline; pings record the heartbeat; in a call one cannot go offline', async () => {
    const t = await newTenant('presence');
    const d = await newDealer(t);
    const on = await api('POST', '/me/presence', { json: { status: 'online' }, headers: d.headers });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ id: d.userId, accountStatus: 'online', status: 'active', lastPingAt: expect.any(String) });
    const before = (await db.dealer.findFirstOrThrow({ where: { userId: d.userId } })).lastPingAt!;
    await new Promise((r) => setTimeout(r, 20));
    expect((await api('POST', '/me/ping', { json: {}, headers: d.headers })).status).toBe(204);
    expect((await db.dealer.findFirstOrThrow({ where: { userId: d.userId } })).lastPingAt!.getTime()).toBeGreaterThan(before.getTime());
    expect((await api('POST', '/me/ping', { json: { status: 'x' }, headers: d.headers })).status).toBe(422);
    expect((await api('POST', '/me/presence', { json: { status: 'away' }, headers: d.headers })).status).toBe(422);
    expect((await api('POST', '/me/presence', { json: {}, headers: d.headers })).status).toBe(422);

    const call = await requestCall(t);
    await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    const off = await api('POST', '/me/presence', { json: { status: 'offline' }, headers: d.headers });
    expect(off.status).toBe(409);
    await api('POST', `/calls/${call.id}/stop`, { headers: d.headers });
    expect((await api('POST', '/me/presence', { json: { status: 'offline' }, headers: d.headers })).body.accountStatus).toBe('offline');
    // API keys are not dealers; and credentials are required.
    expect((await api('POST', '/me/presence', { json: { status: 'online' }, headers: t.keyHeaders })).status).toBe(403);
    expect((await api('POST', '/me/ping', { json: {} })).status).toBe(401);
  });
});

describe('GET /dealers, /dealers/count and PATCH /dealers/{id}', () => {
  it('lists members who take calls with presence; filters by name, email, phone, status, accountStatus and join date', async () => {
    const t = await newTenant('dealers-list');
    const a = await newDealer(t, 'member', 'alpha');
    const b = await newDealer(t, 'manager', 'bravo');
    await api('POST', '/me/presence', { json: { status: 'online' }, headers: a.headers });
    expect((await api('PATCH', `/dealers/${b.userId}`, { json: { active: false, phone: '512 555 0100' }, headers: t.orgHeaders })).body).toMatchObject({ status: 'inactive', phone: '+15125550100' });
    await db.membership.updateMany({ where: { userId: a.userId }, data: { createdAt: new Date('2024-02-01T12:00:00Z') } });
    const list = async (q: string) => {
      const res = await api('GET', `/dealers?${q}`, { headers: t.keyHeaders });
      expect(res.status, q).toBe(200);
      expect((await api('GET', `/dealers/count?${q}`, { headers: t.keyHeaders })).body.count).toBe(res.body.count);
      return res.body.results.map((r: { id: string }) => r.id).sort();
    };
    expect(await list('')).toEqual([t.owner.userId, a.userId, b.userId].sort());
    expect(await list('name=alpha')).toEqual([a.userId]);
    expect(await list(`email=${b.email.slice(0, 10)}`)).toEqual([b.userId]);
    expect(await list('phone=0100')).toEqual([b.userId]);
    expect(await list('accountStatus=online')).toEqual([a.userId]);
    expect(await list('accountStatus=offline')).toEqual([t.owner.userId, b.userId].sort());
    expect(await list('status=inactive')).toEqual([b.userId]);
    expect(await list('status=active,inactive')).toHaveLength(3);
    expect(await list('from=2024-02-01&to=2024-02-01')).toEqual([a.userId]);
    expect((await api('GET', '/dealers?accountStatus=away', { headers: t.keyHeaders })).status).toBe(422);
    expect((await api('GET', '/dealers?ordering=password', { headers: t.keyHeaders })).status).toBe(422);
    const sorted = (await api('GET', '/dealers?ordering=-joinedAt', { headers: t.keyHeaders })).body.results.map((r: { id: string }) => r.id);
    expect(sorted[sorted.length - 1]).toBe(a.userId);
  });

  it('only managers and admins pause dealers; a dealer sets their own phone; pausing takes them offline; other orgs get 404', async () => {
    const t = await newTenant('dealers-patch');
    const a = await newDealer(t, 'member', 'self');
    const b = await newDealer(t, 'member', 'peer');
    // A manager (dealers:manage) may pause and resume someone's calls without any say over roles.
    const m = await newDealer(t, 'manager', 'floor-manager');
    expect((await api('PATCH', `/dealers/${b.userId}`, { json: { active: false }, headers: m.headers })).body.status).toBe('inactive');
    expect((await api('PATCH', `/dealers/${b.userId}`, { json: { active: true }, headers: m.headers })).body.status).toBe('active');
    await api('POST', '/me/presence', { json: { status: 'online' }, headers: a.headers });
    expect((await api('PATCH', `/dealers/${a.userId}`, { json: { active: false }, headers: b.headers })).status).toBe(403);
    expect((await api('PATCH', `/dealers/${a.userId}`, { json: { phone: '5125550123' }, headers: b.headers })).status).toBe(403);
    expect((await api('PATCH', `/dealers/${a.userId}`, { json: { phone: '5125550123' }, headers: a.headers })).body.phone).toBe('+15125550123');
    expect((await api('PATCH', `/dealers/${a.userId}`, { json: { phone: 'call me' }, headers: a.headers })).status).toBe(422);
    expect((await api('PATCH', `/dealers/${a.userId}`, { json: { role: 'owner' }, headers: t.orgHeaders })).status).toBe(422);
    const paused = await api('PATCH', `/dealers/${a.userId}`, { json: { active: false }, headers: t.orgHeaders });
    expect(paused.body).toMatchObject({ status: 'inactive', accountStatus: 'offline' });
    expect((await api('POST', '/me/presence', { json: { status: 'online' }, headers: a.headers })).status).toBe(403);

    const other = await newTenant('dealers-other');
    for (const headers of [other.orgHeaders, other.keyHeaders]) {
      expect((await api('PATCH', `/dealers/${a.userId}`, { json: { active: true }, headers })).status).toBe(404);
      expect((await api('GET', '/dealers', { headers })).body.results.map((r: { id: string }) => r.id)).not.toContain(a.userId);
    }
    expect((await db.dealer.findFirstOrThrow({ where: { userId: a.userId } })).active).toBe(false);
  });
});

describe('GET /vin/{vin}', () => {
  it('decodes publicly; a mistyped VIN is answered with its problems; not a VIN at all is 422', async () => {
    const ok = await api('GET', '/vin/1hgcm82633a004352');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ vin: '1HGCM82633A004352', valid: true, make: 'Honda', model: 'Accord', modelYear: 2003, country: 'United States (USA)', checkDigit: { valid: true, expected: '3', actual: '3' } });
    const typo = await api('GET', '/vin/1HGCM82633A005352');
    expect(typo.body).toMatchObject({ valid: false, problems: [{ code: 'check_digit', blocking: true }] });
    expect((await api('GET', '/vin/hello')).status).toBe(422);
  });
});
