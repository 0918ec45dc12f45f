// Contacts and groups over REST: create, read, edit, delete; E.164 phones read in the organization's default country;
// one contact per phone and per email (409 naming it, in any formatting); links; lists with search; who may do what.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';

describe('contacts', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await newTenant('contacts');
  });

  it('creates a contact with its phone in E.164, reads, patches, replaces and deletes it', async () => {
    const made = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: ' Ada ', lastName: 'Lovelace', phone: '(512) 555-0142', email: 'Ada@Example.test', custom1: 'VIP' } });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`/api/v1/contacts/${made.body.id}`);
    expect(made.body).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', phone: '+15125550142', email: 'Ada@Example.test', custom1: 'VIP', address: null, groups: [] });
    const id = made.body.id;
    expect((await api('GET', `/contacts/${id}`, { headers: t.orgHeaders })).body.phone).toBe('+15125550142');
    const patched = await api('PATCH', `/contacts/${id}`, { headers: t.orgHeaders, json: { address: '1 Main St', phone: '+1 512 555 0143' } });
    expect(patched.body).toMatchObject({ address: '1 Main St', phone: '+15125550143', custom1: 'VIP' });
    // PUT empties what it does not name.
    const replaced = await api('PUT', `/contacts/${id}`, { headers: t.orgHeaders, json: { firstName: 'Ada', phone: '+15125550143' } });
    expect(replaced.body).toMatchObject({ lastName: null, email: null, custom1: null, address: null });
    expect((await api('DELETE', `/contacts/${id}`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await api('GET', `/contacts/${id}`, { headers: t.orgHeaders })).status).toBe(404);
  });

  it('reads a number without + in the organization’s default country', async () => {
    const o = await newTenant('contacts-gb');
    const changed = await api('PATCH', `/organizations/${o.organizationId}`, { headers: o.orgHeaders, json: { defaultCountry: 'gb' } });
    expect(changed.body.defaultCountry).toBe('GB');
    const made = await api('POST', '/contacts', { headers: o.keyHeaders, json: { firstName: 'Alan', phone: '020 7946 0958' } });
    expect(made.body.phone).toBe('+442079460958');
    expect((await api('PATCH', `/organizations/${o.organizationId}`, { headers: o.orgHeaders, json: { defaultCountry: 'XX' } })).status).toBe(422);
    expect((await api('PATCH', `/organizations/${o.organizationId}`, { headers: o.orgHeaders, json: { defaultCountry: 'usa' } })).status).toBe(422);
  });

  it('refuses a phone or an email another contact holds, in any formatting, naming that contact (409)', async () => {
    const first = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Grace', phone: '+1 (512) 555-0170', email: 'grace@example.test' } });
    const samePhone = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Other', phone: '512.555.0170' } });
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.detail).toContain(first.body.id);
    expect(samePhone.body.errors).toEqual([{ path: 'phone', message: `belongs to contact ${first.body.id}` }]);
    const sameEmail = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Other', phone: '+15125550171', email: 'GRACE@example.TEST' } });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.errors).toEqual([{ path: 'email', message: `belongs to contact ${first.body.id}` }]);
    // Editing another contact onto a taken phone is refused the same way; editing itself is fine.
    const second = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Second', phone: '+15125550172' } });
    expect((await api('PATCH', `/contacts/${second.body.id}`, { headers: t.keyHeaders, json: { phone: '5125550170' } })).status).toBe(409);
    expect((await api('PATCH', `/contacts/${first.body.id}`, { headers: t.keyHeaders, json: { phone: '5125550170', email: 'Grace@example.test' } })).status).toBe(200);
    // Two at once with one number: exactly one wins.
    const race = await Promise.all([0, 1, 2].map(() => api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Race', phone: '+15125550199' } })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses bad input with 422 naming the fields, changing nothing', async () => {
    const bad = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: '', phone: '12', email: 'not-an-email', role: 'admin', custom1: 'x'.repeat(501) } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['custom1', 'email', 'firstName', 'role']);
    const badPhone = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Bad', phone: '12' } });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.errors[0].path).toBe('phone');
    expect(await db.contact.count({ where: { organizationId: t.organizationId, firstName: 'Bad' } })).toBe(0);
  });

  it('lists with search over name, phone digits and email, ordering and pages', async () => {
    const o = await newTenant('contacts-list');
    for (const [firstName, phone, email] of [['Zoe', '+15125550101', 'zoe@a.test'], ['Yann', '+15125550102', null], ['Xavier', '+447911123456', 'x@b.test']] as const) {
      expect((await api('POST', '/contacts', { headers: o.keyHeaders, json: { firstName, phone, email } })).status).toBe(201);
    }
    const names = async (q: string) => (await api('GET', `/contacts?${q}`, { headers: o.keyHeaders })).body.results.map((c: { firstName: string }) => c.firstName);
    expect(await names('ordering=firstName')).toEqual(['Xavier', 'Yann', 'Zoe']);
    expect(await names('search=555-0102')).toEqual(['Yann']);
    expect(await names('search=B.TEST')).toEqual(['Xavier']);
    expect(await names('search=zo')).toEqual(['Zoe']);
    const page = await api('GET', '/contacts?limit=2&ordering=-firstName', { headers: o.keyHeaders });
    expect(page.body).toMatchObject({ count: 3, previous: null });
    expect(page.body.next).toContain('offset=2');
    expect((await api('GET', '/contacts?ordering=password', { headers: o.keyHeaders })).status).toBe(422);
    expect((await api('GET', '/contacts?colour=red', { headers: o.keyHeaders })).status).toBe(422);
  });
});

describe('groups', () => {
  let t: Tenant;
  let rep: Person;
  beforeAll(async () => {
    t = await newTenant('groups');
    rep = await addPerson(t, 'groups-rep');
  });

  it('creates groups, links contacts (twice keeps one), lists members with search, unlinks, deletes', async () => {
    const group = await api('POST', '/groups', { headers: t.keyHeaders, json: { name: 'Spring offer', description: 'Warm leads' } });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ name: 'Spring offer', contactCount: 0 });
    expect((await api('POST', '/groups', { headers: t.keyHeaders, json: { name: 'spring OFFER' } })).status).toBe(409);
    const c1 = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Ann', phone: '+15125550201', email: 'ann@x.test' } });
    const c2 = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Bob', phone: '+15125550202' } });
    for (const id of [c1.body.id, c1.body.id, c2.body.id]) expect((await api('PUT', `/contacts/${id}/link/${group.body.id}`, { headers: t.keyHeaders })).status).toBe(204);
    expect((await api('GET', `/groups/${group.body.id}`, { headers: t.keyHeaders })).body.contactCount).toBe(2);
    expect((await api('GET', `/contacts/${c1.body.id}`, { headers: t.keyHeaders })).body.groups).toEqual([{ id: group.body.id, name: 'Spring offer' }]);
    const members = await api('GET', `/groups/${group.body.id}/contacts?search=ann&limit=10`, { headers: t.keyHeaders });
    expect(members.body.results.map((c: { firstName: string }) => c.firstName)).toEqual(['Ann']);
    expect((await api('GET', `/contacts?groupId=${group.body.id}`, { headers: t.keyHeaders })).body.count).toBe(2);
    expect((await api('DELETE', `/contacts/${c2.body.id}/link/${group.body.id}`, { headers: t.keyHeaders })).status).toBe(204);
    expect((await api('GET', `/groups/${group.body.id}/contacts`, { headers: t.keyHeaders })).body.count).toBe(1);
    expect((await api('PATCH', `/groups/${group.body.id}`, { headers: t.keyHeaders, json: { name: 'Summer offer' } })).body.name).toBe('Summer offer');
    expect((await api('PUT', `/groups/${group.body.id}`, { headers: t.keyHeaders, json: { name: 'Autumn' } })).body).toMatchObject({ name: 'Autumn', description: null });
    expect((await api('DELETE', `/groups/${group.body.id}`, { headers: t.keyHeaders })).status).toBe(204);
    // Its contacts stay.
    expect((await api('GET', `/contacts/${c1.body.id}`, { headers: t.keyHeaders })).body.groups).toEqual([]);
  });

  it('answers another organization’s group or contact in a path or a filter like an unknown one (404)', async () => {
    const other = await newTenant('groups-other');
    const theirs = await api('POST', '/groups', { headers: other.keyHeaders, json: { name: 'Theirs' } });
    const theirContact = await api('POST', '/contacts', { headers: other.keyHeaders, json: { firstName: 'Them', phone: '+15125550301' } });
    const mine = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Me', phone: '+15125550302' } });
    const myGroup = await api('POST', '/groups', { headers: t.keyHeaders, json: { name: 'Mine' } });
    expect((await api('PUT', `/contacts/${mine.body.id}/link/${theirs.body.id}`, { headers: t.keyHeaders })).status).toBe(404);
    expect((await api('PUT', `/contacts/${theirContact.body.id}/link/${myGroup.body.id}`, { headers: t.keyHeaders })).status).toBe(404);
    expect((await api('GET', `/contacts?groupId=${theirs.body.id}`, { headers: t.keyHeaders })).status).toBe(404);
    expect(await db.contactGroupMember.count({ where: { groupId: theirs.body.id } })).toBe(0);
  });

  it('a member without contacts permissions is refused (403); a manager may manage contacts', async () => {
    expect((await api('GET', '/contacts', { headers: rep.headers })).status).toBe(403);
    expect((await api('POST', '/groups', { headers: rep.headers, json: { name: 'Nope' } })).status).toBe(403);
    const manager = await addPerson(t, 'groups-manager', { role: 'manager' });
    expect((await api('POST', '/groups', { headers: manager.headers, json: { name: 'Managers' } })).status).toBe(201);
  });
});
