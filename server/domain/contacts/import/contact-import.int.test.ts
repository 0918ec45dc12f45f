// CSV imports over REST: the report (line numbers, updates by phone or email in any formatting, repeats and blank
// rows skipped), headers read loosely, the encodings, the column mapping, every kind of bad file answered clearly
// (never a 500, nothing written), the export and sample, and a file past 10,000 rows as a job with progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../db';
import { stopJobBoss } from '../../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../../jobs/worker';
import { api } from '../../../test/api-client';
import { contactsCsv, phoneOf } from '../../../test/contacts-csv';
import { newTenant, type Tenant } from '../../../test/factories';

const csv = (text: string | Uint8Array, contentType = 'text/csv') => ({ body: text as BodyInit, contentType });

async function newGroup(t: Tenant, name = `G ${Math.random().toString(36).slice(2, 8)}`) {
  const res = await api('POST', '/groups', { headers: t.keyHeaders, json: { name } });
  return res.body.id as string;
}

const importInto = (t: Tenant, groupId: string, body: string | Uint8Array, opts: { contentType?: string; query?: string } = {}) =>
  api('POST', `/groups/${groupId}/csv${opts.query ?? ''}`, { headers: t.keyHeaders, ...csv(body, opts.contentType) });

describe('CSV import', () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await newTenant('import');
  });

  it('imports good rows and reports bad ones by line; repeats and blank rows are skipped', async () => {
    const groupId = await newGroup(t);
    const file = [
      'First Name,Last Name,Phone,Email,Notes',
      'Ada,Lovelace,(201) 555-0142,ada@example.test,likes "math"',
      'Bad,Phone,12,bad@example.test,',
      '"Multi, line","Name ""Jr""",+1 201 555 0143,multi@example.test,"two',
      'lines"',
      ',,,,',
      'Ada again,,201.555.0142,,',
      'No email,,+12015550144,not-an-email,',
      'Grace,Hopper,+1 201-555-0145,GRACE@example.test,',
      '',
    ].join('\r\n');
    const res = await importInto(t, groupId, file);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      imported: 3,
      updated: 0,
      skipped: 2,
      errorCount: 2,
      errors: [
        { line: 3, message: expect.stringContaining('Phone “12”') },
        { line: 8, message: 'Email “not-an-email” is not an email address' },
      ],
    });
    const members = await api('GET', `/groups/${groupId}/contacts?ordering=phone`, { headers: t.keyHeaders });
    expect(members.body.results.map((c: { firstName: string; lastName: string | null; phone: string; description: string | null }) => [c.firstName, c.lastName, c.phone, c.description])).toEqual([
      ['Ada', 'Lovelace', '+12015550142', 'likes "math"'],
      ['Multi, line', 'Name "Jr"', '+12015550143', 'two\r\nlines'],
      ['Grace', 'Hopper', '+12015550145', null],
    ]);
    const importId = res.headers.get('x-import-id')!;
    const stored = await api('GET', `/imports/${importId}`, { headers: t.keyHeaders });
    expect(stored.body).toMatchObject({ status: 'completed', groupId, columns: ['First Name', 'Last Name', 'Phone', 'Email', 'Notes'], mapping: ['firstName', 'lastName', 'phone', 'email', 'description'], progress: { percent: 100 } });
  });

  it('updates the contact a row matches by phone or email in any formatting; re-importing doubles nothing', async () => {
    const groupId = await newGroup(t);
    const existing = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Old', phone: '+12065550100', email: 'keep@example.test', custom2: 'kept' } });
    const byEmail = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Mail', phone: '+12065550101', email: 'mail@example.test' } });
    const file = 'first_name,PHONE,e-mail,custom1\nNew name,(206) 555-0100,,fresh\nBy email,+1 206 555 0102,MAIL@Example.Test,\nBrand new,206-555-0103,new@example.test,\n';
    const first = await importInto(t, groupId, file);
    expect(first.body).toMatchObject({ imported: 1, updated: 2, skipped: 0, errorCount: 0 });
    const after = await api('GET', `/contacts/${existing.body.id}`, { headers: t.keyHeaders });
    // Filled cells overwrite; empty ones keep what was there.
    expect(after.body).toMatchObject({ firstName: 'New name', email: 'keep@example.test', custom1: 'fresh', custom2: 'kept' });
    expect(after.body.groups).toEqual([{ id: groupId, name: expect.any(String) }]);
    expect((await api('GET', `/contacts/${byEmail.body.id}`, { headers: t.keyHeaders })).body.phone).toBe('+12065550102');
    const before = await db.contact.count({ where: { organizationId: t.organizationId } });
    const again = await importInto(t, groupId, file);
    expect(again.body).toMatchObject({ imported: 0, updated: 3, skipped: 0, errorCount: 0 });
    expect(await db.contact.count({ where: { organizationId: t.organizationId } })).toBe(before);
    expect((await api('GET', `/groups/${groupId}`, { headers: t.keyHeaders })).body.contactCount).toBe(3);
  });

  it('a file whose first rows are new and a later one matches a contact: each row written once', async () => {
    // The batch is tried as new contacts first; the match undoes that try, and the merge writes the batch.
    const groupId = await newGroup(t);
    const existing = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Known', phone: '+12135550199', email: 'known@late.test' } });
    const rows = ['First name,Phone,Email'];
    for (let i = 0; i < 50; i++) rows.push(`New ${i},+1 213 555 01${String(i).padStart(2, '0')},new${i}@late.test`);
    rows.push('Known again,(213) 555-0150,KNOWN@late.test', 'After,+12135550151,');
    const res = await importInto(t, groupId, `${rows.join('\n')}\n`);
    expect(res.body).toMatchObject({ imported: 51, updated: 1, skipped: 0, errorCount: 0 });
    expect(await db.contact.count({ where: { organizationId: t.organizationId, phone: { startsWith: '+1213555' } } })).toBe(52);
    expect((await api('GET', `/contacts/${existing.body.id}`, { headers: t.keyHeaders })).body).toMatchObject({ firstName: 'Known again', phone: '+12135550150' });
    expect((await api('GET', `/groups/${groupId}`, { headers: t.keyHeaders })).body.contactCount).toBe(52);
  });

  it('refuses a row whose phone and email belong to two different contacts', async () => {
    const groupId = await newGroup(t);
    const a = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'A', phone: '+12075550100', email: 'a@split.test' } });
    await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'B', phone: '+12075550101', email: 'b@split.test' } });
    const res = await importInto(t, groupId, 'firstname,phone,email\nMixed,+12075550100,b@split.test\n');
    expect(res.body).toMatchObject({ imported: 0, updated: 0, errorCount: 1, errors: [{ line: 2, message: expect.stringContaining('belongs to one contact') }] });
    expect((await api('GET', `/contacts/${a.body.id}`, { headers: t.keyHeaders })).body.firstName).toBe('A');
  });

  it('reads UTF-8 with a BOM, UTF-16 with a BOM, semicolons and tabs, and a mapping given by ?columns', async () => {
    const groupId = await newGroup(t);
    const text = 'Vorname;Telefon;Anmerkung\nJürgen;+12085550100;Grüße\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const mapped = await importInto(t, groupId, utf16, { query: '?columns=firstName,phone,description' });
    expect(mapped.status, mapped.text).toBe(200);
    expect(mapped.body.imported).toBe(1);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('First Name\tPhone\nZoë\t+12085550101\n')]);
    expect((await importInto(t, groupId, bom)).body.imported).toBe(1);
    const names = (await api('GET', `/groups/${groupId}/contacts?ordering=phone`, { headers: t.keyHeaders })).body.results.map((c: { firstName: string; description: string | null }) => [c.firstName, c.description]);
    expect(names).toEqual([['Jürgen', 'Grüße'], ['Zoë', null]]);
    // German headers alone mean nothing: 422 naming each.
    const unknown = await importInto(t, groupId, text);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['columns.0', 'columns.1', 'columns.2', 'columns', 'columns']);
    expect(unknown.body.detail).toContain('Unknown column “Vorname”');
  });

  it('answers bad files clearly and writes nothing', async () => {
    const groupId = await newGroup(t);
    const before = await db.contact.count({ where: { organizationId: t.organizationId } });
    const latin1 = new Uint8Array([...Buffer.from('First name,Phone\nJ'), 0xfc, ...Buffer.from('rgen,+12095550100\n')]);
    const cases: Array<[string, string | Uint8Array, number, string?]> = [
      ['empty', '', 422],
      ['header only', 'First name,Phone\n', 422],
      ['no phone column', 'First name,Email\nAda,a@x.test\n', 422],
      ['a column twice', 'First name,Phone,Mobile\nAda,+12095550100,+12095550101\n', 422],
      ['Latin-1', latin1, 415],
      ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 415],
      ['unclosed quote in the header', '"First name,Phone\nAda,+12095550100\n', 422],
      ['JSON sent as JSON', '{"firstName":"Ada"}', 415, 'application/json'],
    ];
    for (const [name, body, status, type] of cases) {
      const res = await importInto(t, groupId, body, { contentType: type });
      expect(res.status, `${name}: ${res.text}`).toBe(status);
      expect(res.headers.get('content-type'), name).toBe('application/problem+json');
    }
    expect((await importInto(t, groupId, 'First name,Phone\nAda,+12095550100\n', { query: '?columns=firstName' })).status).toBe(422);
    expect((await importInto(t, groupId, 'First name,Phone\nAda,+12095550100\n', { query: '?columns=firstName,shoeSize' })).status).toBe(422);
    expect(await db.contact.count({ where: { organizationId: t.organizationId } })).toBe(before);
    // No upload is left behind.
    expect(await db.media.count({ where: { organizationId: t.organizationId, kind: 'csv' } })).toBe(0);
  });

  it('reports an unclosed quote on its line and imports what came before it', async () => {
    const groupId = await newGroup(t);
    const res = await importInto(t, groupId, 'First name,Phone\nAda,+12105550100\n"Broken,+12105550101\nLater,+12105550102\n');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, errorCount: 1, errors: [{ line: 3, message: expect.stringContaining('never closed') }] });
  });

  it('refuses a file over 50 MB with 413, and one for another organization’s group with 404', async () => {
    const groupId = await newGroup(t);
    const big = new Uint8Array(51 * 1024 * 1024).fill(0x61);
    const res = await api('POST', `/groups/${groupId}/csv`, { headers: { ...t.keyHeaders, 'content-length': String(big.byteLength) }, body: big, contentType: 'text/csv' });
    expect(res.status).toBe(413);
    const other = await newTenant('import-other');
    const theirs = await newGroup(other);
    expect((await importInto(t, theirs, 'First name,Phone\nAda,+12115550100\n')).status).toBe(404);
    expect((await api('GET', `/groups/${theirs}/csv`, { headers: t.keyHeaders })).status).toBe(404);
  });

  it('exports a group in the sample’s columns, formula-safe, and serves the sample', async () => {
    const groupId = await newGroup(t);
    await importInto(t, groupId, 'First name,Phone,Custom1\n=HYPERLINK("x"),+12125550100,@cmd\n');
    const res = await api('GET', `/groups/${groupId}/csv`, { headers: t.keyHeaders });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('First name,Last name,Phone,Email,Address,Custom 1,Custom 2,Custom 3,Description');
    // The E.164 phone is exported as it is (the one formula rule, server/csv-formula-safety.ts); the formulas are defused.
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",,+12125550100,,,'@cmd,,,`);
    const sample = await api('GET', '/groups/sample/csv', { headers: t.keyHeaders });
    expect(sample.text).toContain('First name,Last name,Phone');
    // The sample imports as it is.
    const back = await importInto(t, groupId, sample.text);
    expect(back.body).toMatchObject({ imported: 2, errorCount: 0 });
    // So does an export: the formula guards come off again, and nothing is doubled.
    const exported = await api('GET', `/groups/${groupId}/csv`, { headers: t.keyHeaders });
    expect((await importInto(t, groupId, exported.text)).body).toMatchObject({ imported: 0, updated: 3, errorCount: 0 });
    expect((await api('GET', `/groups/${groupId}/contacts?search=HYPERLINK`, { headers: t.keyHeaders })).body.results[0]).toMatchObject({ firstName: '=HYPERLINK("x")', custom1: '@cmd' });
  });
});

describe('CSV import of a large file', () => {
  let t: Tenant;
  let worker: WorkerHandle;
  beforeAll(async () => {
    t = await newTenant('import-large');
    worker = await startWorker({ queues: ['contacts.import'] });
  });
  afterAll(async () => {
    await worker.stop();
    await stopJobBoss(1000);
  });

  it('answers 202 past 10,000 rows and imports by a job, with progress and a complete report', async () => {
    const groupId = await newGroup(t);
    const bad = new Map([[5000, 'Broken,,12'], [11000, ',,,,']]);
    const file = contactsCsv({ rows: 12_000, offset: 500_000, bad });
    const res = await importInto(t, groupId, file);
    expect(res.status, res.text).toBe(202);
    const { importId } = res.body;
    let report;
    for (let i = 0; i < 300; i++) {
      report = await api('GET', `/imports/${importId}`, { headers: t.keyHeaders });
      if (report.body.status === 'completed' || report.body.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(report!.body).toMatchObject({ status: 'completed', progress: { rowsDone: 12_000, percent: 100 }, report: { imported: 11_998, updated: 0, skipped: 1, errorCount: 1, errors: [{ line: 5002 }] } });
    expect((await api('GET', `/groups/${groupId}`, { headers: t.keyHeaders })).body.contactCount).toBe(11_998);
    expect(await db.contact.count({ where: { organizationId: t.organizationId, phone: phoneOf(500_000) } })).toBe(1);
    // Progress went out as events, and the file is gone.
    const events = await db.realtimeEvent.count({ where: { organizationId: t.organizationId, type: 'import.progress', subject: `import:${importId}` } });
    expect(events).toBeGreaterThanOrEqual(2);
    expect(await db.media.count({ where: { organizationId: t.organizationId, kind: 'csv' } })).toBe(0);
  }, 120_000);

  it('batches of new contacts, then of rows matching earlier batches and contacts, then new again: each counted once', async () => {
    // Each batch guesses from the one before whether it holds only new contacts (batches are about 12,000 rows here):
    // right (the first), wrong (the second: repeats), not tried (the third: the second matched), tried again (after
    // a batch that matched nothing). Every way ends in the same contacts and the same report.
    const groupId = await newGroup(t);
    const known = await api('POST', '/contacts', { headers: t.keyHeaders, json: { firstName: 'Known', phone: phoneOf(760_000) } });
    const before = await db.contact.count({ where: { organizationId: t.organizationId } });
    const lines = (rows: number, offset: number) => contactsCsv({ rows, offset }).trimEnd().split('\n');
    // Rows 12,000–23,999 repeat rows 0–11,999 (another first name, the same numbers); then the known contact; then
    // 24,000 new rows.
    const repeats = lines(12_000, 700_000).slice(1).map((l) => l.replace(/^Person/, 'Again'));
    const file = `${[...lines(12_000, 700_000), ...repeats, `Known again,Family,${phoneOf(760_000)},,`, ...lines(24_000, 720_000).slice(1)].join('\n')}\n`;
    const res = await importInto(t, groupId, file);
    expect(res.status, res.text).toBe(202);
    let report;
    for (let i = 0; i < 600; i++) {
      report = await api('GET', `/imports/${res.body.importId}`, { headers: t.keyHeaders });
      if (report.body.status === 'completed' || report.body.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(report!.body).toMatchObject({ status: 'completed', report: { imported: 36_000, updated: 1, skipped: 12_000, errorCount: 0 } });
    expect(await db.contact.count({ where: { organizationId: t.organizationId } })).toBe(before + 36_000);
    expect((await api('GET', `/groups/${groupId}`, { headers: t.keyHeaders })).body.contactCount).toBe(36_001);
    // The repeats changed nothing: within an import, the first row of a number wins.
    expect(await db.contact.count({ where: { organizationId: t.organizationId, firstName: { startsWith: 'Again' } } })).toBe(0);
    expect((await api('GET', `/contacts/${known.body.id}`, { headers: t.keyHeaders })).body.firstName).toBe('Known again');
  }, 180_000);
});
