// Products and modules over REST: create, read, edit, reorder (positions stay 0..n-1), delete with their modules,
// validation from the shared schemas, who may change them, and tenancy for every verb.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, createTeam, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';

const module = (name: string, extra: Record<string, unknown> = {}) => ({ name, instructions: ['Open with a question'], keywords: ['warranty'], targetTime: 90, ...extra });

describe('products', () => {
  let t: Tenant;
  let rep: Person;
  beforeAll(async () => {
    t = await newTenant('prod');
    rep = await addPerson(t, 'prod-rep');
  });

  it('creates, reads, patches, replaces and lists products', async () => {
    const team = await createTeam(t.orgHeaders, 'Trucks');
    const made = await api('POST', '/products', { headers: t.orgHeaders, json: { name: ' Extended warranty ', image: 'https://cdn.example.test/w.png', teamId: team.id } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Extended warranty', image: 'https://cdn.example.test/w.png', teamId: team.id, teamName: 'Trucks', moduleCount: 0 });
    const id = made.body.id;
    expect((await api('GET', `/products/${id}`, { headers: rep.headers })).body.name).toBe('Extended warranty');
    expect((await api('PATCH', `/products/${id}`, { headers: t.orgHeaders, json: { name: 'Warranty plus' } })).body).toMatchObject({ name: 'Warranty plus', teamId: team.id });
    // PUT resets what it does not name.
    expect((await api('PUT', `/products/${id}`, { headers: t.orgHeaders, json: { name: 'Warranty' } })).body).toMatchObject({ name: 'Warranty', image: null, teamId: null });
    await api('POST', '/products', { headers: t.orgHeaders, json: { name: 'Auto loans' } });
    const list = await api('GET', '/products?ordering=name&search=an', { headers: rep.headers });
    expect(list.body.results.map((p: { name: string }) => p.name)).toEqual(['Auto loans', 'Warranty']);
    expect((await api('GET', '/products?search=loan', { headers: rep.headers })).body.count).toBe(1);
  });

  it('refuses bad input with 422 naming fields; a rep may read but not change products (403)', async () => {
    const bad = await api('POST', '/products', { headers: t.orgHeaders, json: { name: ' ', image: 'javascript:alert(1)', teamId: 'x', price: 3 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['image', 'name', 'price', 'teamId']);
    const otherOrg = await newTenant('prod-other');
    const theirTeam = await createTeam(otherOrg.orgHeaders, 'Theirs');
    expect((await api('POST', '/products', { headers: t.orgHeaders, json: { name: 'X', teamId: theirTeam.id } })).body.errors).toEqual([{ path: 'teamId', message: 'team not found' }]);
    expect((await api('POST', '/products', { headers: rep.headers, json: { name: 'Rep product' } })).status).toBe(403);
    expect(await db.product.count({ where: { organizationId: t.organizationId, name: { in: ['X', 'Rep product'] } } })).toBe(0);
  });
});

describe('modules', () => {
  let t: Tenant;
  let productId: string;
  beforeAll(async () => {
    t = await newTenant('mod');
    productId = (await api('POST', '/products', { headers: t.orgHeaders, json: { name: 'Service plans' } })).body.id;
  });

  const names = async () => (await api('GET', `/products/${productId}/modules`, { headers: t.orgHeaders })).body.results.map((m: { name: string; position: number }) => `${m.position}:${m.name}`);

  it('adds modules at the end or at a position, and moves them; positions stay 0..n-1', async () => {
    for (const n of ['Intro', 'Needs', 'Close']) {
      const res = await api('POST', `/products/${productId}/modules`, { headers: t.orgHeaders, json: module(n) });
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/modules/${res.body.id}`);
    }
    const objection = await api('POST', `/products/${productId}/modules`, { headers: t.orgHeaders, json: module('Objections', { position: 2 }) });
    expect(objection.body).toMatchObject({ position: 2, productName: 'Service plans', instructions: ['Open with a question'], keywords: ['warranty'], targetTime: 90 });
    expect(await names()).toEqual(['0:Intro', '1:Needs', '2:Objections', '3:Close']);

    const close = (await api('GET', `/products/${productId}/modules`, { headers: t.orgHeaders })).body.results[3];
    expect((await api('PATCH', `/modules/${close.id}`, { headers: t.orgHeaders, json: { position: 0 } })).body.position).toBe(0);
    expect(await names()).toEqual(['0:Close', '1:Intro', '2:Needs', '3:Objections']);
    await api('PATCH', `/modules/${close.id}`, { headers: t.orgHeaders, json: { position: 99 } });
    expect(await names()).toEqual(['0:Intro', '1:Needs', '2:Objections', '3:Close']);

    expect((await api('DELETE', `/modules/${objection.body.id}`, { headers: t.orgHeaders })).status).toBe(204);
    expect(await names()).toEqual(['0:Intro', '1:Needs', '2:Close']);
    expect((await api('GET', `/products/${productId}`, { headers: t.orgHeaders })).body.moduleCount).toBe(3);
  });

  it('concurrent moves leave a clean order', async () => {
    const list = (await api('GET', `/products/${productId}/modules`, { headers: t.orgHeaders })).body.results as { id: string }[];
    await Promise.all(list.map((m, i) => api('PATCH', `/modules/${m.id}`, { headers: t.orgHeaders, json: { position: list.length - 1 - i } })));
    const positions = (await api('GET', `/products/${productId}/modules`, { headers: t.orgHeaders })).body.results.map((m: { position: number }) => m.position);
    expect(positions).toEqual([0, 1, 2]);
  });

  it('edits and replaces a module; bad fields are 422 with their paths and change nothing', async () => {
    const target = (await api('GET', `/products/${productId}/modules`, { headers: t.orgHeaders })).body.results[0];
    const patched = await api('PATCH', `/modules/${target.id}`, { headers: t.orgHeaders, json: { keywords: ['free trial', 'financing'], instructions: ['Greet', 'Ask', 'Close'] } });
    expect(patched.body).toMatchObject({ keywords: ['free trial', 'financing'], instructions: ['Greet', 'Ask', 'Close'], name: target.name });
    const replaced = await api('PUT', `/modules/${target.id}`, { headers: t.orgHeaders, json: { name: 'Renamed', instructions: [], keywords: [], targetTime: 45 } });
    expect(replaced.body).toMatchObject({ name: 'Renamed', instructions: [], keywords: [], targetTime: 45 });
    expect((await api('PUT', `/modules/${target.id}`, { headers: t.orgHeaders, json: { name: 'Only a name' } })).status).toBe(422);

    const bad = await api('PATCH', `/modules/${target.id}`, { headers: t.orgHeaders, json: { name: '', keywords: ['a', 'A'], instructions: ['ok', ''], targetTime: 3.5, position: -1, score: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['instructions.1', 'keywords', 'name', 'position', 'score', 'targetTime']);
    expect((await api('POST', `/products/${productId}/modules`, { headers: t.orgHeaders, json: module('Too long', { targetTime: 7200 }) })).body.errors).toEqual([{ path: 'targetTime', message: 'must be at most one hour (3600 seconds)' }]);
    expect((await api('GET', `/modules/${target.id}`, { headers: t.orgHeaders })).body.name).toBe('Renamed');
  });

  it('deleting a product deletes its modules', async () => {
    const p = (await api('POST', '/products', { headers: t.orgHeaders, json: { name: 'Doomed' } })).body.id;
    const m = (await api('POST', `/products/${p}/modules`, { headers: t.orgHeaders, json: module('Gone too') })).body.id;
    expect((await api('DELETE', `/products/${p}`, { headers: t.orgHeaders })).status).toBe(204);
    expect((await api('GET', `/modules/${m}`, { headers: t.orgHeaders })).status).toBe(404);
    expect(await db.module.count({ where: { productId: p } })).toBe(0);
  });

  it("tenancy: another organization's user and key get 404 for every verb, and nothing changes", async () => {
    const m = (await api('GET', `/products/${productId}/modules`, { headers: t.orgHeaders })).body.results[0];
    const intruder = await newTenant('mod-intruder');
    for (const headers of [intruder.orgHeaders, intruder.keyHeaders]) {
      const calls: [string, string, unknown?][] = [
        ['GET', `/products/${productId}`],
        ['PATCH', `/products/${productId}`, { name: 'x' }],
        ['PUT', `/products/${productId}`, { name: 'x' }],
        ['DELETE', `/products/${productId}`],
        ['GET', `/products/${productId}/modules`],
        ['POST', `/products/${productId}/modules`, module('x')],
        ['GET', `/modules/${m.id}`],
        ['PATCH', `/modules/${m.id}`, { name: 'x' }],
        ['PUT', `/modules/${m.id}`, module('x')],
        ['DELETE', `/modules/${m.id}`],
      ];
      for (const [method, path, json] of calls) expect((await api(method, path, { headers, ...(json ? { json } : {}) })).status, `${method} ${path}`).toBe(404);
    }
    expect((await api('GET', `/modules/${m.id}`, { headers: t.orgHeaders })).body.name).toBe(m.name);
    expect((await api('GET', '/modules/not-a-uuid', { headers: t.orgHeaders })).status).toBe(404);
  });
});
