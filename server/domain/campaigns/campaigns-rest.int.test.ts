// Campaigns over REST: each operation of API.md §6's campaign rows, its status codes and problem+json refusals, the
// permission it needs (a member's role holds none), and that a refused request changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';

let t: Tenant;
let member: Person;
let programId: string;
let groupId: string;
let emptyGroupId: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

beforeAll(async () => {
  t = await newTenant('campaigns-rest');
  member = await addPerson(t, 'campaigns-member');
  const h = t.keyHeaders;
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi {{firstName}}' } }), 201);
  programId = (await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201)).programId;
  groupId = (await must(api('POST', '/groups', { headers: h, json: { name: 'Leads' } }), 201)).id;
  emptyGroupId = (await must(api('POST', '/groups', { headers: h, json: { name: 'Nobody' } }), 201)).id;
  const contact = await must(api('POST', '/contacts', { headers: h, json: { firstName: 'Ivy', phone: '+12025550142' } }), 201);
  await must(api('PUT', `/contacts/${contact.id}/link/${groupId}`, { headers: h }), 204);
}, 60_000);

describe('campaigns over REST', () => {
  it('creates, reads, lists, edits and deletes a draft', async () => {
    const h = t.keyHeaders;
    const created = await api('POST', '/campaigns', { headers: h, json: { name: 'Spring', programId, groupId, cpm: 60, tryAllowed: 2 } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/campaigns/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Spring', status: 'draft', cpm: 60, tryAllowed: 2, accountId: null, group: { id: groupId, size: 1 }, program: { id: programId, type: 'sendsms' }, counts: { total: 0 } });
    const id = created.body.id as string;
    expect((await must(api('GET', `/campaigns/${id}`, { headers: h }), 200)).name).toBe('Spring');
    const list = await must(api('GET', '/campaigns?status=draft&search=spri&ordering=-createdAt', { headers: h }), 200);
    expect(list.results.map((c: { id: string }) => c.id)).toContain(id);
    expect((await must(api('PATCH', `/campaigns/${id}`, { headers: h, json: { cpm: 120 } }), 200)).cpm).toBe(120);
    const put = await must(api('PUT', `/campaigns/${id}`, { headers: h, json: { name: 'Summer', programId, groupId, cpm: 30 } }), 200);
    expect(put).toMatchObject({ name: 'Summer', cpm: 30, tryAllowed: 1, continuous: false });
    expect((await api('DELETE', `/campaigns/${id}`, { headers: h })).status).toBe(204);
    expect((await api('GET', `/campaigns/${id}`, { headers: h })).status).toBe(404);
  });

  it('answers bad input with problem+json and changes nothing', async () => {
    const h = t.keyHeaders;
    const before = await db.campaign.count({ where: { organizationId: t.organizationId } });
    const bad = [
      { programId, groupId, cpm: 0 },
      { programId, groupId, cpm: 1.5 },
      { programId, groupId, cpm: 10, tryAllowed: 0 },
      { programId, groupId },
      { programId: 'nope', groupId, cpm: 10 },
      { programId, groupId, cpm: 10, status: 'running' },
      { programId, groupId, cpm: 10, name: 'two\nlines' },
    ];
    for (const json of bad) {
      const r = await api('POST', '/campaigns', { headers: h, json });
      expect(r.status, JSON.stringify(json)).toBe(422);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body).toMatchObject({ code: 'validation_failed', errors: expect.any(Array) });
    }
    expect((await api('POST', '/campaigns', { headers: h, body: '{"cpm": 1', contentType: 'application/json' })).status).toBeGreaterThanOrEqual(400);
    expect((await api('POST', '/campaigns', { headers: h, json: { programId, groupId: '00000000-0000-4000-8000-000000000000', cpm: 10 } })).body).toMatchObject({ code: 'not_found', detail: 'Group not found' });
    expect((await api('GET', '/campaigns?status=flying', { headers: h })).status).toBe(422);
    expect(await db.campaign.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('starts, refuses to start twice or to delete, stops, and schedules by time or cron', async () => {
    const h = t.keyHeaders;
    const c = await must(api('POST', '/campaigns', { headers: h, json: { programId, groupId, cpm: 1 } }), 201);
    const empty = await must(api('POST', '/campaigns', { headers: h, json: { programId, groupId: emptyGroupId, cpm: 1 } }), 201);
    expect((await api('PUT', `/campaigns/${empty.id}/start`, { headers: h })).body).toMatchObject({ code: 'conflict', detail: expect.stringContaining('no contacts') });
    expect((await api('PUT', `/campaigns/${c.id}/stop`, { headers: h })).status).toBe(409);

    expect((await api('POST', `/campaigns/${c.id}/start/schedule`, { headers: h, json: { cron: '61 * * * *' } })).status).toBe(422);
    expect((await api('POST', `/campaigns/${c.id}/start/schedule`, { headers: h, json: {} })).status).toBe(422);
    expect((await api('POST', `/campaigns/${c.id}/start/schedule`, { headers: h, json: { at: '2099-01-01T09:00:00Z' } })).body).toMatchObject({ code: 'validation_failed', detail: 'at: must be within a year' });
    const at = `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T09:00:00.000Z`;
    const scheduled = await must(api('POST', `/campaigns/${c.id}/start/schedule`, { headers: h, json: { at } }), 200);
    expect(scheduled).toMatchObject({ status: 'scheduled', schedules: [{ action: 'start', at, cron: null }] });
    expect((await api('DELETE', `/campaigns/${c.id}/schedule`, { headers: h })).status).toBe(204);
    expect((await must(api('GET', `/campaigns/${c.id}`, { headers: h }), 200)).status).toBe('draft');
    expect((await api('DELETE', `/campaigns/${c.id}/schedule`, { headers: h })).status).toBe(404);

    // No worker runs in this file: the campaign's transmissions wait, queued.
    const started = await must(api('PUT', `/campaigns/${c.id}/start`, { headers: h }), 200);
    expect(started).toMatchObject({ status: 'running', counts: { total: 1, pending: 1 } });
    expect((await api('PUT', `/campaigns/${c.id}/start`, { headers: h })).status).toBe(409);
    expect((await api('DELETE', `/campaigns/${c.id}`, { headers: h })).status).toBe(409);
    expect((await api('PATCH', `/campaigns/${c.id}`, { headers: h, json: { groupId: emptyGroupId } })).status).toBe(409);
    expect((await api('DELETE', `/programs/${programId}`, { headers: h })).status).toBe(409);
    expect((await api('DELETE', `/groups/${groupId}`, { headers: h })).status).toBe(409);
    const stopSchedule = await must(api('POST', `/campaigns/${c.id}/stop/schedule`, { headers: h, json: { cron: '0 18 * * 1-5' } }), 200);
    expect(stopSchedule.schedules).toEqual([expect.objectContaining({ action: 'stop', cron: '0 18 * * 1-5', nextAt: expect.stringMatching(/T18:00:00\.000Z$/) })]);
    // Statistics: every campaign of the organization, and the running or scheduled ones (here: c, running).
    const total = await db.campaign.count({ where: { organizationId: t.organizationId } });
    expect(await must(api('GET', '/statistics', { headers: h }), 200)).toMatchObject({ campaignsTotal: total, campaignsActive: 1 });
    expect((await must(api('GET', '/statistics', { headers: member.headers }), 200)).campaignsTotal).toBeNull();
    expect((await must(api('PUT', `/campaigns/${c.id}/stop`, { headers: h }), 200)).status).toBe('stopped');
    expect((await must(api('GET', '/statistics', { headers: h }), 200)).campaignsActive).toBe(0);
  });

  it('needs the campaign permissions: a member is refused (403) and nothing is made', async () => {
    expect((await api('GET', '/campaigns', { headers: member.headers })).status).toBe(403);
    const r = await api('POST', '/campaigns', { headers: member.headers, json: { programId, groupId, cpm: 10 } });
    expect(r.status).toBe(403);
    expect(r.body.detail).toContain('campaigns:manage');
  });
});
