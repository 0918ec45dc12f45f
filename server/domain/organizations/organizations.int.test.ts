// REST organization operations: list, create, read, update, replace, delete, make-active, members and roles.
import { describe, expect, it } from 'vitest';
import { api } from '../../test/api-client';
import { newTenant, registerAndLogin } from '../../test/factories';
import { changeMemberRole, listMembers } from './manage-members';
import { resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';

describe('/organizations', () => {
  it('creates with validated ISO 4217 currencies; the base currency is always accepted', async () => {
    const u = await registerAndLogin('org');
    const res = await api('POST', '/organizations', { json: { name: 'Acme Motors', location: 'Lyon', baseCurrency: 'eur', currencies: ['USD', 'CHF'] }, headers: u.bearer });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/organizations/${res.body.id}`);
    expect(res.body).toMatchObject({ name: 'Acme Motors', baseCurrency: 'EUR', currencies: ['EUR', 'USD', 'CHF'], role: 'owner', callToken: expect.stringMatching(/^ct_/) });
    const bad = await api('POST', '/organizations', { json: { name: 'X', baseCurrency: 'EURO', currencies: ['USD', 'USD', 'ABC'] }, headers: u.bearer });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['baseCurrency', 'currencies.2', 'currencies']));
    // The first organization became the active one.
    const me = await api('GET', '/me', { headers: u.bearer });
    expect(me.body.activeOrganization.id).toBe(res.body.id);
  });

  it('accepts only http(s) logo URLs, and never hands out a stored script URL', async () => {
    const t = await newTenant('logo');
    for (const image of ['javascript:alert(document.cookie)', 'data:image/svg+xml;base64,PHN2Zz4=', 'vbscript:x']) {
      const res = await api('PATCH', `/organizations/${t.organizationId}`, { json: { image }, headers: t.owner.bearer });
      expect(res.status, image).toBe(422);
      expect(res.body.errors).toEqual([{ path: 'image', message: 'Enter a web address starting with https://' }]);
    }
    const ok = await api('PATCH', `/organizations/${t.organizationId}`, { json: { image: 'https://cdn.example.com/logo.png' }, headers: t.owner.bearer });
    expect(ok.body.image).toBe('https://cdn.example.com/logo.png');
    // A row written before the rule (or by hand) is read back without it.
    await db.organization.update({ where: { id: t.organizationId }, data: { image: 'javascript:alert(1)' } });
    expect((await api('GET', `/organizations/${t.organizationId}`, { headers: t.owner.bearer })).body.image).toBeNull();
  });

  it('lists only the caller’s organizations, paginated with next/previous and ordering', async () => {
    const u = await registerAndLogin('list');
    for (const name of ['Charlie', 'Alpha', 'Bravo']) await api('POST', '/organizations', { json: { name, baseCurrency: 'USD' }, headers: u.bearer });
    await newTenant('someone-else');
    const page1 = await api('GET', '/organizations?limit=2&ordering=name', { headers: u.bearer });
    expect(page1.status).toBe(200);
    expect(page1.body.count).toBe(3);
    expect(page1.body.results.map((o: { name: string }) => o.name)).toEqual(['Alpha', 'Bravo']);
    expect(page1.body.previous).toBeNull();
    const next = new URL(page1.body.next);
    expect(next.searchParams.get('offset')).toBe('2');
    const page2 = await api('GET', `/organizations${next.search}`, { headers: u.bearer });
    expect(page2.body.results.map((o: { name: string }) => o.name)).toEqual(['Charlie']);
    expect(page2.body.next).toBeNull();
    const desc = await api('GET', '/organizations?ordering=-name&skip=0', { headers: u.bearer });
    expect(desc.body.results[0].name).toBe('Charlie');
    for (const q of ['limit=201', 'limit=0', 'limit=abc', 'offset=-1', 'ordering=password']) {
      const r = await api('GET', `/organizations?${q}`, { headers: u.bearer });
      expect(r.status, q).toBe(422);
    }
  });

  it('PATCH changes named fields, PUT replaces all, members cannot, owners delete', async () => {
    const t = await newTenant('upd');
    const patch = await api('PATCH', `/organizations/${t.organizationId}`, { json: { location: 'Oslo', currencies: ['NOK'] }, headers: t.owner.bearer });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ name: 'Org upd', location: 'Oslo', currencies: ['USD', 'NOK'] });
    const put = await api('PUT', `/organizations/${t.organizationId}`, { json: { name: 'Renamed', baseCurrency: 'GBP' }, headers: t.owner.bearer });
    expect(put.body).toMatchObject({ name: 'Renamed', location: null, baseCurrency: 'GBP', currencies: ['GBP'] });
    expect((await api('PUT', `/organizations/${t.organizationId}`, { json: { name: 'No currency' }, headers: t.owner.bearer })).status).toBe(422);
    const get = await api('GET', `/organizations/${t.organizationId}`, { headers: t.keyHeaders });
    expect(get.body.name).toBe('Renamed');

    // A plain member can read but not change or delete.
    const member = await registerAndLogin('member');
    await db.membership.create({ data: { userId: member.userId, organizationId: t.organizationId, role: 'member' } });
    expect((await api('GET', `/organizations/${t.organizationId}`, { headers: member.bearer })).status).toBe(200);
    expect((await api('PATCH', `/organizations/${t.organizationId}`, { json: { name: 'x' }, headers: member.bearer })).status).toBe(403);
    expect((await api('DELETE', `/organizations/${t.organizationId}`, { headers: member.bearer })).status).toBe(403);
    const before = await api('GET', `/organizations/${t.organizationId}`, { headers: t.owner.bearer });
    expect(before.body.name).toBe('Renamed');

    expect((await api('DELETE', `/organizations/${t.organizationId}`, { headers: t.owner.bearer })).status).toBe(204);
    expect((await api('GET', `/organizations/${t.organizationId}`, { headers: t.owner.bearer })).status).toBe(404);
    expect((await api('GET', '/me', { headers: t.keyHeaders })).status).toBe(401);
  });

  it('make-active switches the organization REST calls act in', async () => {
    const u = await registerAndLogin('active');
    const a = await api('POST', '/organizations', { json: { name: 'A', baseCurrency: 'USD' }, headers: u.bearer });
    const b = await api('POST', '/organizations', { json: { name: 'B', baseCurrency: 'USD' }, headers: u.bearer });
    const res = await api('POST', `/organizations/${b.body.id}/make-active`, { headers: u.bearer });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/B is now your active organization/);
    expect((await api('GET', '/me', { headers: u.bearer })).body.activeOrganization.id).toBe(b.body.id);
    // X-Organization-Id overrides per request.
    expect((await api('GET', '/me', { headers: { ...u.bearer, 'x-organization-id': a.body.id } })).body.activeOrganization.id).toBe(a.body.id);
    expect((await api('GET', '/me', { headers: { ...u.bearer, 'x-organization-id': '00000000-0000-0000-0000-000000000000' } })).status).toBe(404);
  });
});

describe('members and roles', () => {
  it('owners change roles; the last owner cannot be demoted; admins cannot touch owners', async () => {
    const t = await newTenant('roles');
    const admin = await registerAndLogin('admin');
    const m = await db.membership.create({ data: { userId: admin.userId, organizationId: t.organizationId, role: 'member' } });
    const ownerCtx = await resolveUserContext({ userId: t.owner.userId, requestedOrganizationId: t.organizationId, requestId: 'test' });
    const members = await changeMemberRole({ ctx: ownerCtx, input: { membershipId: m.id, role: 'admin' } });
    expect(members.find((x) => x.id === m.id)?.role).toBe('admin');
    const ownerMembership = members.find((x) => x.userId === t.owner.userId)!;
    await expect(changeMemberRole({ ctx: ownerCtx, input: { membershipId: ownerMembership.id, role: 'admin' } })).rejects.toMatchObject({ code: 'conflict' });
    const adminCtx = await resolveUserContext({ userId: admin.userId, requestedOrganizationId: t.organizationId, requestId: 'test' });
    await expect(changeMemberRole({ ctx: adminCtx, input: { membershipId: ownerMembership.id, role: 'member' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole({ ctx: adminCtx, input: { membershipId: m.id, role: 'owner' } })).rejects.toMatchObject({ code: 'forbidden' });
    // Someone else's membership id is simply not found.
    const other = await newTenant('other-roles');
    const otherCtx = await resolveUserContext({ userId: other.owner.userId, requestedOrganizationId: other.organizationId, requestId: 'test' });
    await expect(changeMemberRole({ ctx: otherCtx, input: { membershipId: m.id, role: 'member' } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listMembers({ ctx: ownerCtx })).length).toBe(2);
    const events = await db.auditEvent.findMany({ where: { organizationId: t.organizationId, type: 'member.role_changed' } });
    expect(events).toHaveLength(1);
  });
});
