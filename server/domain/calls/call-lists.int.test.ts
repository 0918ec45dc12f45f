// Lists, counts and CSV exports of calls and leads: every filter of API.md §4, dates read in a zone, sorting,
// formula-safe CSV with local times, and who may list what.
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { newDealer, requestCall, VINS } from '../../test/call-factories';
import { newTenant, randomIp } from '../../test/factories';

async function seedCalls() {
  const t = await newTenant('lists');
  const d = await newDealer(t, 'member', 'lister');
  const maya = await requestCall(t, { vin: VINS.corolla, customer: { firstName: 'Maya', lastName: 'Ortiz', phone: '512-555-0142' } });
  const raj = await requestCall(t, { vin: VINS.f150, customer: { firstName: 'Raj', lastName: 'Patel', phone: '+44 20 7946 0958' } });
  const eve = await requestCall(t, { vin: VINS.kona, customer: { firstName: '=HYPERLINK("http://evil")', lastName: '@Eve', email: 'eve@example.test' } });
  await api('POST', `/calls/${raj.id}/accept`, { headers: d.headers });
  await api('POST', `/calls/${raj.id}/stop`, { headers: d.headers });
  // Fixed request times, so date filters in zones can be checked: 23:30 UTC on 10 March is the 11th in GMT+7.
  await db.call.update({ where: { id: maya.id }, data: { createdAt: new Date('2024-03-10T23:30:00Z') } });
  await db.call.update({ where: { id: raj.id }, data: { createdAt: new Date('2024-03-12T10:00:00Z') } });
  await db.call.update({ where: { id: eve.id }, data: { createdAt: new Date('2024-04-01T09:00:00Z') } });
  return { t, d, maya, raj, eve };
}

const ids = (body: { results: Array<{ id: string }> }) => body.results.map((r) => r.id);

describe('GET /calls and /calls/count', () => {
  it('filters by name, phone, status, car, VIN, dealer and dates in a zone; counts agree', async () => {
    const { t, d, maya, raj, eve } = await seedCalls();
    const list = async (q: string) => {
      const res = await api('GET', `/calls?${q}`, { headers: t.keyHeaders });
      expect(res.status, q).toBe(200);
      const count = await api('GET', `/calls/count?${q}`, { headers: t.keyHeaders });
      expect(count.body.count, `count ${q}`).toBe(res.body.count);
      return ids(res.body).sort();
    };
    expect(await list('')).toEqual([maya.id, raj.id, eve.id].sort());
    expect(await list('name=ortiz')).toEqual([maya.id]);
    expect(await list('name=maya%20ORT')).toEqual([maya.id]);
    expect(await list('phone=555-01')).toEqual([maya.id]);
    expect(await list('phone=7946')).toEqual([raj.id]);
    expect(await list('status=completed')).toEqual([raj.id]);
    expect(await list('status=requested,completed')).toEqual([maya.id, raj.id, eve.id].sort());
    expect(await list('carMake=toyota,FORD')).toEqual([maya.id, raj.id].sort());
    expect(await list('carModel=kona')).toEqual([eve.id]);
    expect(await list('carType=pickup')).toEqual([raj.id]);
    expect(await list(`vin=${VINS.kona}`)).toEqual([eve.id]);
    expect(await list('vin=2t1b')).toEqual([maya.id]);
    expect(await list(`dealerId=${d.userId}`)).toEqual([raj.id]);
    expect(await list('from=2024-03-10&to=2024-03-10')).toEqual([maya.id]);
    expect(await list('from=2024-03-11&to=2024-03-11&timezoneoffset=-420')).toEqual([maya.id]);
    expect(await list('from=2024-03-11&to=2024-03-12&tz=Asia/Bangkok')).toEqual([maya.id, raj.id].sort());
    expect(await list('from=2024-03-11T00:00:00&tz=Asia/Bangkok&to=2024-03-31')).toEqual([maya.id, raj.id].sort());
    expect(await list('status=completed&carMake=toyota')).toEqual([]);
  });

  it('sorts and pages; bad filters and orderings are 422', async () => {
    const { t, maya, raj, eve } = await seedCalls();
    expect(ids((await api('GET', '/calls', { headers: t.keyHeaders })).body)).toEqual([eve.id, raj.id, maya.id]);
    expect(ids((await api('GET', '/calls?ordering=requestedAt', { headers: t.keyHeaders })).body)).toEqual([maya.id, raj.id, eve.id]);
    expect(ids((await api('GET', '/calls?ordering=carMake', { headers: t.keyHeaders })).body)).toEqual([raj.id, eve.id, maya.id]);
    expect(ids((await api('GET', '/calls?ordering=-name', { headers: t.keyHeaders })).body)).toEqual([raj.id, maya.id, eve.id]);
    const page = await api('GET', '/calls?limit=1&offset=1', { headers: t.keyHeaders });
    expect(page.body).toMatchObject({ count: 3, results: [{ id: raj.id }] });
    expect(page.body.next).toContain('offset=2');
    for (const q of ['status=lost', 'dealerId=nope', 'from=yesterday', 'tz=Mars/Olympus', 'ordering=customerEmail', 'phone=ab', 'vin=%25%25', 'limit=500', 'colour=red', 'name=' + 'x'.repeat(101)]) {
      const res = await api('GET', `/calls?${q}`, { headers: t.keyHeaders });
      expect(res.status, q).toBe(422);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('a dealer without calls:read lists only the calls they answered; an API key without it is refused', async () => {
    const { t, d, raj } = await seedCalls();
    expect(ids((await api('GET', '/calls', { headers: d.headers })).body)).toEqual([raj.id]);
    expect((await api('GET', '/calls/export.csv', { headers: d.headers })).status).toBe(403);
    const key = await api('POST', '/api-keys', { json: { name: 'stats', scopes: ['statistics:read'] }, headers: t.orgHeaders });
    expect((await api('GET', '/calls', { headers: { 'x-api-key': key.body.key } })).status).toBe(403);
  });
});

describe('GET /calls/export.csv', () => {
  it('streams UTF-8 CSV with a header, local times with their offset, and formula cells defused', async () => {
    const { t, maya, eve } = await seedCalls();
    const res = await api('GET', '/calls/export.csv?timezoneoffset=-420&ordering=-requestedAt', { headers: t.keyHeaders });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="calls-\d{4}-\d{2}-\d{2}\.csv"$/);
    // (Response.text() drops the byte-order mark; server/rest/csv.test.ts checks the bytes.)
    expect(res.text.replace(/^\uFEFF/, '').startsWith('Call ID,Status,Requested at,')).toBe(true);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(4);
    const mayaLine = lines.find((l) => l.startsWith(maya.id))!;
    expect(mayaLine).toContain(`,requested,2024-03-11T06:30:00+07:00,,,,2T1BURHEXJC043821,Toyota,Corolla,2018,Sedan,Maya,Ortiz,+15125550142,,,,,`);
    const eveLine = lines.find((l) => l.startsWith(eve.id))!;
    // The E.164 phone is exported as it is; a spreadsheet would run =HYPERLINK(...) and @Eve: both get a quote.
    expect(eveLine).toContain(`"'=HYPERLINK(""http://evil"")",'@Eve`);
    const zoned = await api('GET', '/calls/export.csv?tz=America/New_York&status=requested', { headers: t.keyHeaders });
    expect(zoned.text).toContain('2024-03-10T19:30:00-04:00');
    expect(zoned.text.trim().split('\n')).toHaveLength(3);
    expect((await api('GET', '/calls/export.csv?tz=Nowhere/Else', { headers: t.keyHeaders })).status).toBe(422);
  });

  it('exports more rows than one batch, each once, newest first', async () => {
    const t = await newTenant('export-big');
    const base = { organizationId: t.organizationId, vin: VINS.accord, carMake: 'HONDA', vehicle: { make: 'Honda' } };
    const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 2) * 60_000);
    // 4,500 calls, pairs sharing a timestamp, so the keyset paging must break ties by id.
    await db.call.createMany({ data: Array.from({ length: 4500 }, (_, i) => ({ ...base, tokenHash: `h-${t.organizationId}-${i}`, createdAt: at(i) })) });
    const res = await api('GET', '/calls/export.csv', { headers: t.keyHeaders });
    const rows = res.text.replace(/^\uFEFF/, '').trim().split('\n').slice(1);
    expect(rows).toHaveLength(4500);
    expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(4500);
    const times = rows.map((r) => r.split(',')[2]!);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('every text cell of the calls and leads exports is formula-safe', () => {
  // Parses the simple CSV these rows make (no commas, quotes or line breaks in any cell) into header → cell.
  const records = (text: string) => {
    const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
    return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]])));
  };

  it('quotes every cell a person typed that starts like a formula, in every column; an E.164 phone stays as it is', async () => {
    const t = await newTenant('formula');
    const d = await newDealer(t, 'member', 'formula-dealer');
    const call = await requestCall(t, { vin: VINS.kona, customer: { firstName: 'Lee', lastName: 'Chen', phone: '512-555-0142' } });
    await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    await api('POST', `/calls/${call.id}/stop`, { headers: d.headers });
    await api('POST', '/leads', { json: { firstName: 'Lee', lastName: 'Chen', email: 'lee@example.test', phone: '(512) 555-0199', comment: 'ok' }, headers: call.customer });
    // What the forms validate is written straight into the rows: the export must not rely on any form's rules.
    await db.user.update({ where: { id: d.userId }, data: { firstName: '=Dealer', lastName: 'X' } });
    await db.call.update({
      where: { id: call.id },
      data: { customerFirstName: '=cmd|A1', customerLastName: '-2+3', customerEmail: '@SUM(A1)', note: '+note', vehicle: { make: '=Make', model: '@Model', carType: '-Type', modelYear: 2023 } },
    });
    await db.lead.updateMany({ where: { callId: call.id }, data: { firstName: '\tTab', lastName: '＝Wide', email: '+x@example.test', comment: '@comment', vehicle: { make: '-Make', model: '+Model', carType: '=Type', modelYear: 2023 } } });

    const [c] = records((await api('GET', '/calls/export.csv', { headers: t.keyHeaders })).text);
    expect(c).toMatchObject({
      'Customer first name': "'=cmd|A1", 'Customer last name': "'-2+3", 'Customer email': "'@SUM(A1)", Note: "'+note",
      Make: "'=Make", Model: "'@Model", Type: "'-Type", Dealer: "'=Dealer X", 'Customer phone': '+15125550142', 'Model year': '2023',
    });
    const [l] = records((await api('GET', '/leads/export.csv', { headers: t.keyHeaders })).text);
    expect(l).toMatchObject({
      'First name': "'\tTab", 'Last name': "'＝Wide", Email: "'+x@example.test", Comment: "'@comment", Make: "'-Make", Model: "'+Model", Type: "'=Type",
      Dealer: "'=Dealer X", Phone: '+15125550199',
    });
  });
});

describe('one where-clause for lists and exports', () => {
  const FILTERS = ['', 'name=ortiz', 'name=maya%20ORT', 'phone=555-01', 'status=completed', 'status=requested,completed', 'carMake=toyota,FORD', 'carModel=kona',
    'carType=pickup', `vin=${VINS.kona}`, 'vin=2t1b', 'from=2024-03-11&to=2024-03-12&tz=Asia/Bangkok', 'from=2024-03-11&to=2024-03-11&timezoneoffset=-420', 'status=completed&carMake=toyota'];
  const exportedIds = (text: string) => text.replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((line) => line.split(',')[0]!).sort();

  it('the export of a filtered list holds exactly the rows the list shows, for every filter', async () => {
    const { t, d } = await seedCalls();
    for (const q of [...FILTERS, `dealerId=${d.userId}`]) {
      const listed = ids((await api('GET', `/calls?${q}&limit=200`, { headers: t.keyHeaders })).body).sort();
      const exported = exportedIds((await api('GET', `/calls/export.csv?${q}`, { headers: t.keyHeaders })).text);
      expect(exported, q).toEqual(listed);
    }
  });

  it('what a user types as %, _ or \\ is matched literally, not as a wildcard', async () => {
    const t = await newTenant('literal');
    const odd = await requestCall(t, { vin: VINS.corolla, customer: { firstName: '100%', lastName: 'Sure_Thing' } });
    await requestCall(t, { vin: VINS.corolla, customer: { firstName: 'Plain', lastName: 'Name' } });
    for (const q of ['name=%25', 'name=_', 'name=e_T']) expect(ids((await api('GET', `/calls?${q}`, { headers: t.keyHeaders })).body), q).toEqual([odd.id]);
    expect((await api('GET', '/calls/count?name=%5C', { headers: t.keyHeaders })).body.count).toBe(0);
  });

  it('an export the client abandons returns its database connection (more abandoned exports than the pool holds)', async () => {
    const t = await newTenant('abandon');
    const base = { organizationId: t.organizationId, vin: VINS.accord, carMake: 'HONDA', vehicle: { make: 'Honda' } };
    await db.call.createMany({ data: Array.from({ length: 3000 }, (_, i) => ({ ...base, tokenHash: `a-${t.organizationId}-${i}` })) });
    for (let i = 0; i < 6; i++) {
      const res = await api('GET', '/calls/export.csv', { headers: t.keyHeaders, stream: true });
      const reader = res.stream!.getReader();
      await reader.read(); // the header
      await reader.read(); // the first batch: the cursor is open
      await reader.cancel();
    }
    // With a leaked connection per abandoned export, the pool (4) would be empty and this would never answer.
    const whole = await api('GET', '/calls/export.csv', { headers: t.keyHeaders });
    expect(whole.text.trim().split('\n')).toHaveLength(3001);
  });
});

describe('leads', () => {
  it('customers leave leads with their call token or the organization token; lists filter and export them', async () => {
    const { t, d, raj, maya } = await seedCalls();
    const orgToken = (await api('GET', `/organizations/${t.organizationId}`, { headers: t.orgHeaders })).body.callToken;
    const fromCall = await api('POST', '/leads', { json: { firstName: 'Raj', lastName: 'Patel', email: 'raj@example.test', comment: 'Please send the financing options' }, headers: raj.customer });
    expect(fromCall.status).toBe(201);
    expect(fromCall.body).toMatchObject({ callId: raj.id, callStatus: 'completed', vin: VINS.f150, vehicle: { make: 'Ford', model: 'F-150' }, dealer: { id: d.userId } });
    const again = await api('POST', '/leads', { json: { firstName: 'Raj', lastName: 'Patel', email: 'raj@example.test' }, headers: raj.customer });
    expect(again.status).toBe(409);
    // A last name is optional, as it is when asking for a call; what is missing is said in a sentence for the customer.
    const walkIn = await api('POST', '/leads', { json: { vin: VINS.kona, firstName: 'Lee', phone: '(512) 555-0199' }, headers: { 'x-organization-token': orgToken, 'x-pitchcraft-peer': randomIp() } });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ callId: null, callStatus: null, firstName: 'Lee', lastName: '', phone: '+15125550199', vehicle: { make: 'Hyundai' } });
    const unnamed = await api('POST', '/leads', { json: { vin: VINS.kona, firstName: ' ', email: 'nope' }, headers: { 'x-organization-token': orgToken, 'x-pitchcraft-peer': randomIp() } });
    expect(unnamed.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'firstName', message: 'Enter your first name' },
        { path: 'email', message: 'Enter an email address like name@example.com' },
      ]),
    );

    // Another call's id with a call token is 404; bad input is 422; no credentials 401; nothing stored for any.
    const bad: Array<[Record<string, string>, unknown, number]> = [
      [raj.customer, { callId: maya.id, firstName: 'x', lastName: 'y', email: 'x@example.test' }, 404],
      [{ 'x-call-token': 'cl_forged' }, { firstName: 'x', lastName: 'y', email: 'x@example.test' }, 401],
      [{}, { vin: VINS.kona, firstName: 'x', lastName: 'y', email: 'x@example.test' }, 401],
      [{ 'x-organization-token': orgToken }, { firstName: 'x', lastName: 'y', email: 'x@example.test' }, 422],
      [{ 'x-organization-token': orgToken }, { vin: '1HGCM82633A005352', firstName: 'x', lastName: 'y', email: 'x@example.test' }, 422],
      [{ 'x-organization-token': orgToken }, { vin: VINS.kona, firstName: 'x', lastName: 'y' }, 422],
      [{ 'x-organization-token': orgToken }, { vin: VINS.kona, firstName: '', lastName: 'y', email: 'x@example.test' }, 422],
      [maya.customer, { firstName: 'x', lastName: 'y', email: 'x@example.test', dealerId: d.userId }, 422],
    ];
    for (const [headers, json, status] of bad) expect((await api('POST', '/leads', { json, headers: { ...headers, 'x-pitchcraft-peer': randomIp() } })).status, JSON.stringify(json)).toBe(status);
    expect(await db.lead.count({ where: { organizationId: t.organizationId } })).toBe(2);

    const list = async (q: string) => ids((await api('GET', `/leads?${q}`, { headers: t.keyHeaders })).body).sort();
    expect(await list('')).toEqual([fromCall.body.id, walkIn.body.id].sort());
    expect(await list('name=patel')).toEqual([fromCall.body.id]);
    expect(await list('phone=0199')).toEqual([walkIn.body.id]);
    expect(await list('status=completed')).toEqual([fromCall.body.id]);
    expect(await list('carMake=hyundai')).toEqual([walkIn.body.id]);
    expect(await list(`dealerId=${d.userId}`)).toEqual([fromCall.body.id]);
    expect((await api('GET', '/leads/count?carType=pickup', { headers: t.keyHeaders })).body).toEqual({ count: 1 });
    expect((await api('GET', '/leads', { headers: d.headers })).status).toBe(403);
    const csv = await api('GET', '/leads/export.csv?tz=Europe/Paris', { headers: t.keyHeaders });
    expect(csv.text.replace(/^\uFEFF/, '').split('\n')[0]).toBe('Lead ID,Created at,First name,Last name,Email,Phone,Comment,VIN,Make,Model,Model year,Type,Call ID,Call status,Dealer ID,Dealer');
    expect(csv.text).toContain('Please send the financing options');
    expect(csv.text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00/);

    const stats = await api('GET', '/statistics', { headers: t.keyHeaders });
    expect(stats.body).toMatchObject({ calls: { total: 3, requested: 2, completed: 1, active: 0, missed: 0, expired: 0, cancelled: 0 }, leads: { total: 2 } });
    expect((await api('GET', '/statistics?from=2024-03-11&to=2024-03-31', { headers: t.keyHeaders })).body.calls).toMatchObject({ total: 1, completed: 1 });
  });

  it('another organization cannot see the leads or post with its token into this one', async () => {
    const { t, raj } = await seedCalls();
    const b = await newTenant('leads-other');
    await api('POST', '/leads', { json: { firstName: 'Raj', lastName: 'Patel', email: 'raj@example.test' }, headers: raj.customer });
    expect((await api('GET', '/leads', { headers: b.keyHeaders })).body.count).toBe(0);
    const bToken = (await api('GET', `/organizations/${b.organizationId}`, { headers: b.orgHeaders })).body.callToken;
    const cross = await api('POST', '/leads', { json: { callId: raj.id, firstName: 'x', lastName: 'y', email: 'x@example.test' }, headers: { 'x-organization-token': bToken } });
    expect(cross.status).toBe(404);
    expect(await db.lead.count({ where: { organizationId: t.organizationId } })).toBe(1);
  });
});
