// The message library, programs and sender accounts over REST: texts with encodings and segments, merge fields
// checked, templates sanitized with a generated plain text and an attachment, recordings and documents through the
// media store (413, 415, Range), programs with their references (422, 404), what is in use cannot be deleted (409).
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test/api-client';
import { addPerson } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';
import { tinyPdf } from '../../test/outbound';
import { makeWav } from '../../test/wav';

let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  [t, other] = await Promise.all([newTenant('library'), newTenant('library-other')]);
});

describe('SMS texts', () => {
  it('counts characters, encoding and segments; an emoji makes a text UCS-2', async () => {
    const plain = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Hello', data: 'Hi {{firstName}}, your car is ready.' } });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ type: 'plain', encoding: 'GSM-7', segments: 1, mergeFields: ['firstName'] });
    const long = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Long', data: 'x'.repeat(161) } });
    expect(long.body.segments).toBe(2);
    const emoji = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Emoji', data: 'Hi 😀', type: 'unicode' } });
    expect(emoji.body).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    // An emoji in a plain (GSM-7) text is refused, naming it.
    const refused = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Emoji', data: 'Hi 😀' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ path: 'data', message: expect.stringContaining('😀') });
    const binary = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Bin', data: '0A1B2C', type: 'binary' } });
    expect(binary.body).toMatchObject({ encoding: 'binary', characters: 3 });
    expect((await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Bin', data: 'xyz', type: 'binary' } })).status).toBe(422);
  });

  it('refuses an unknown merge field (422), in texts and templates alike', async () => {
    const text = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Bad', data: 'Hi {{nickname}}' } });
    expect(text.status).toBe(422);
    expect(text.body.errors).toEqual([{ path: 'data', message: expect.stringContaining('{{nickname}} is not a merge field') }]);
    const template = await api('POST', '/messages/templates', { headers: t.keyHeaders, json: { name: 'Bad', subject: 'Hi {{ shoe }}', body: '<p>{{custom4}}</p>' } });
    expect(template.status).toBe(422);
    expect(template.body.errors.map((e: { path: string }) => e.path)).toEqual(['subject', 'body']);
  });

  it('replaces and deletes a text; one a program sends cannot be deleted (409)', async () => {
    const text = await api('POST', '/messages/texts', { headers: t.keyHeaders, json: { name: 'Used', data: 'Hi' } });
    const put = await api('PUT', `/messages/texts/${text.body.id}`, { headers: t.keyHeaders, json: { name: 'Used', data: 'Hello {{lastName}}' } });
    expect(put.body).toMatchObject({ data: 'Hello {{lastName}}', description: null });
    const program = await api('POST', '/programs/sendsms', { headers: t.keyHeaders, json: { textId: text.body.id } });
    expect(program.status).toBe(201);
    expect((await api('DELETE', `/messages/texts/${text.body.id}`, { headers: t.keyHeaders })).status).toBe(409);
    expect((await api('DELETE', `/programs/${program.body.programId}`, { headers: t.keyHeaders })).status).toBe(204);
    expect((await api('DELETE', `/messages/texts/${text.body.id}`, { headers: t.keyHeaders })).status).toBe(204);
  });
});

describe('email templates', () => {
  it('sanitizes the HTML (no script reaches a reader) and generates the plain text', async () => {
    const res = await api('POST', '/messages/templates', {
      headers: t.keyHeaders,
      json: {
        name: 'Offer',
        subject: 'Hello {{firstName}}',
        body: '<h1 onclick="steal()">Spring &amp; offer</h1><script>alert(1)</script><p>Dear {{firstName}},<br>see <a href="https://dealer.example/offer">our offer</a> or <a href="javascript:alert(1)">this</a>.</p><iframe src="https://evil.example"></iframe><img src="x" onerror="alert(1)">',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.body).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(res.body.body).toContain('<a href="https://dealer.example/offer" rel="noopener noreferrer">our offer</a>');
    expect(res.body).toMatchObject({ bodyAltGenerated: true, mergeFields: ['firstName'] });
    expect(res.body.bodyAlt).toBe('Spring & offer\nDear {{firstName}},\nsee our offer (https://dealer.example/offer) or this.');
    const own = await api('PUT', `/messages/templates/${res.body.id}`, { headers: t.keyHeaders, json: { name: 'Offer', subject: 'Hi', body: '<p>x</p>', bodyAlt: 'Own text' } });
    expect(own.body).toMatchObject({ bodyAlt: 'Own text', bodyAltGenerated: false });
    expect((await api('POST', '/messages/templates', { headers: t.keyHeaders, json: { name: 'Empty', subject: 'x', body: '<script>only</script>' } })).status).toBe(422);
  });

  it('takes a PDF or image attachment, serves it back with Range, refuses other files (415)', async () => {
    const template = await api('POST', '/messages/templates', { headers: t.keyHeaders, json: { name: 'With file', subject: 'x', body: '<p>x</p>' } });
    const id = template.body.id;
    const pdf = tinyPdf();
    const put = await api('PUT', `/messages/templates/${id}/media`, { headers: t.keyHeaders, body: pdf as BodyInit, contentType: 'application/pdf' });
    expect(put.status, put.text).toBe(200);
    expect(put.body.attachment).toMatchObject({ contentType: 'application/pdf', size: pdf.byteLength });
    const part = await api('GET', `/messages/templates/${id}/media`, { headers: { ...t.keyHeaders, range: 'bytes=0-4' } });
    expect(part.status).toBe(206);
    expect(part.text).toBe('%PDF-');
    const fake = await api('PUT', `/messages/templates/${id}/media`, { headers: t.keyHeaders, body: 'not a pdf at all', contentType: 'application/pdf' });
    expect(fake.status).toBe(415);
    expect((await api('PUT', `/messages/templates/${id}/media`, { headers: t.keyHeaders, body: 'x', contentType: 'application/zip' })).status).toBe(415);
  });
});

describe('recordings and documents', () => {
  it('stores a WAV with its duration and serves it with Range; wrong bytes are 415, too large 413', async () => {
    const rec = await api('POST', '/messages/recordings', { headers: t.keyHeaders, json: { name: 'Greeting', description: 'Main line' } });
    expect(rec.body).toMatchObject({ hasMedia: false, duration: null });
    const wav = makeWav({ seconds: 2 });
    const put = await api('PUT', `/messages/recordings/${rec.body.id}/media`, { headers: t.keyHeaders, body: wav as BodyInit, contentType: 'audio/wav' });
    expect(put.body).toMatchObject({ hasMedia: true, size: wav.byteLength, duration: 2 });
    const range = await api('GET', `/messages/recordings/${rec.body.id}/media`, { headers: { ...t.keyHeaders, range: 'bytes=0-3' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-3/${wav.byteLength}`);
    const mp3ish = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await api('PUT', `/messages/recordings/${rec.body.id}/media`, { headers: t.keyHeaders, body: mp3ish as BodyInit, contentType: 'audio/wav' })).status).toBe(415);
    const huge = new Uint8Array(51 * 1024 * 1024);
    expect((await api('PUT', `/messages/recordings/${rec.body.id}/media`, { headers: { ...t.keyHeaders, 'content-length': String(huge.byteLength) }, body: huge as BodyInit, contentType: 'audio/wav' })).status).toBe(413);
    // The first file is still there.
    expect((await api('GET', `/messages/recordings/${rec.body.id}`, { headers: t.keyHeaders })).body.size).toBe(wav.byteLength);
  });

  it('takes a 12 MB PDF; a PDF past 20 MB is 413, a WAV sent as a PDF 415', async () => {
    const doc = await api('POST', '/messages/documents', { headers: t.keyHeaders, json: { name: 'Brochure' } });
    const big = new Uint8Array(12 * 1024 * 1024).fill(0x20);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const put = await api('PUT', `/messages/documents/${doc.body.id}/media`, { headers: t.keyHeaders, body: big as BodyInit, contentType: 'application/pdf' });
    expect(put.status, put.text).toBe(200);
    expect(put.body.size).toBe(big.byteLength);
    const tooBig = new Uint8Array(21 * 1024 * 1024);
    expect((await api('PUT', `/messages/documents/${doc.body.id}/media`, { headers: { ...t.keyHeaders, 'content-length': String(tooBig.byteLength) }, body: tooBig as BodyInit, contentType: 'application/pdf' })).status).toBe(413);
    expect((await api('PUT', `/messages/documents/${doc.body.id}/media`, { headers: t.keyHeaders, body: makeWav({ seconds: 1 }) as BodyInit, contentType: 'application/pdf' })).status).toBe(415);
  }, 60_000);
});

describe('programs', () => {
  it('creates every type with the reference it needs: missing 422, another organization’s 404, unknown type 404', async () => {
    const h = t.keyHeaders;
    const text = (await api('POST', '/messages/texts', { headers: h, json: { name: 'P text', data: 'Hi' } })).body;
    const template = (await api('POST', '/messages/templates', { headers: h, json: { name: 'P tpl', subject: 's', body: '<p>b</p>' } })).body;
    const doc = (await api('POST', '/messages/documents', { headers: h, json: { name: 'P doc' } })).body;
    const rec = (await api('POST', '/messages/recordings', { headers: h, json: { name: 'P rec' } })).body;
    const email = (await api('POST', '/accounts', { headers: h, json: { name: 'Inbox', type: 'email', address: 'Sales@Dealer.example' } })).body;
    const phone = (await api('POST', '/accounts', { headers: h, json: { name: 'Line', type: 'phone', address: '(201) 555-0123' } })).body;
    expect(email.address).toBe('sales@dealer.example');
    expect(phone.address).toBe('+12015550123');
    // A document or recording without its file cannot be sent yet.
    expect((await api('POST', '/programs/sendfax', { headers: h, json: { documentId: doc.id } })).status).toBe(422);
    await api('PUT', `/messages/documents/${doc.id}/media`, { headers: h, body: tinyPdf() as BodyInit, contentType: 'application/pdf' });
    await api('PUT', `/messages/recordings/${rec.id}/media`, { headers: h, body: makeWav({ seconds: 1 }) as BodyInit, contentType: 'audio/wav' });
    const made: Record<string, unknown> = {
      sendsms: { textId: text.id },
      sendemail: { templateId: template.id },
      sendfax: { documentId: doc.id },
      voicemessage: { recordingId: rec.id },
      voicetts: { text: 'Your car is ready for pick-up.' },
      emailtofax: { accountId: email.id },
      faxtoemail: { accountId: phone.id },
      receivesms: { accountId: phone.id },
      receiveemail: { accountId: email.id },
      receivefax: { accountId: phone.id, name: 'Inbound faxes' },
    };
    for (const [type, body] of Object.entries(made)) {
      const res = await api('POST', `/programs/${type}`, { headers: h, json: body });
      expect(res.status, `${type}: ${res.text}`).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/programs/${res.body.programId}`);
      const program = await api('GET', `/programs/${res.body.programId}`, { headers: h });
      expect(program.body.type).toBe(type);
    }
    const list = await api('GET', '/programs?type=receivesms,receivefax&ordering=name', { headers: h });
    expect(list.body.results.map((p: { name: string }) => p.name)).toEqual(['Inbound faxes', 'Receive SMS: Line']);
    // Missing reference, wrong account type, unknown field: 422. Unknown type: 404.
    expect((await api('POST', '/programs/sendsms', { headers: h, json: {} })).status).toBe(422);
    expect((await api('POST', '/programs/receivesms', { headers: h, json: { accountId: email.id } })).status).toBe(422);
    expect((await api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id, templateId: template.id } })).status).toBe(422);
    expect((await api('POST', '/programs/sendpigeon', { headers: h, json: { textId: text.id } })).status).toBe(404);
    // Another organization's reference is unknown here.
    const theirs = (await api('POST', '/messages/texts', { headers: other.keyHeaders, json: { name: 'Theirs', data: 'x' } })).body;
    expect((await api('POST', '/programs/sendsms', { headers: h, json: { textId: theirs.id } })).status).toBe(404);
  });

  it('a program an account is subscribed to is in use (409) until unsubscribed', async () => {
    const h = t.keyHeaders;
    const account = (await api('POST', '/accounts', { headers: h, json: { name: 'Sub', type: 'phone', address: '+12015550124' } })).body;
    const { programId } = (await api('POST', '/programs/receivesms', { headers: h, json: { accountId: account.id } })).body;
    for (let i = 0; i < 2; i++) expect((await api('PUT', `/accounts/${account.id}/programs/${programId}`, { headers: h })).status).toBe(204);
    expect((await api('GET', `/accounts/${account.id}`, { headers: h })).body.programIds).toEqual([programId]);
    const refused = await api('DELETE', `/programs/${programId}`, { headers: h });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('subscribed');
    // The account a program handles cannot go either.
    expect((await api('DELETE', `/accounts/${account.id}`, { headers: h })).status).toBe(409);
    expect((await api('DELETE', `/accounts/${account.id}/programs`, { headers: h })).status).toBe(204);
    expect((await api('DELETE', `/programs/${programId}`, { headers: h })).status).toBe(204);
    expect((await api('DELETE', `/accounts/${account.id}`, { headers: h })).status).toBe(204);
  });
});

describe('sender accounts', () => {
  it('validates the address by type, refuses a taken one (409), keeps settings and an owner', async () => {
    const h = t.keyHeaders;
    expect((await api('POST', '/accounts', { headers: h, json: { name: 'x', type: 'email', address: 'not-an-email' } })).status).toBe(422);
    expect((await api('POST', '/accounts', { headers: h, json: { name: 'x', type: 'phone', address: '12' } })).status).toBe(422);
    expect((await api('POST', '/accounts', { headers: h, json: { name: 'x', type: 'extension', address: '12a' } })).status).toBe(422);
    const ext = await api('POST', '/accounts', { headers: h, json: { name: 'Desk', type: 'extension', address: '204', active: false } });
    expect(ext.body).toMatchObject({ type: 'extension', address: '204', active: false, owner: null, settings: {} });
    expect((await api('POST', '/accounts', { headers: h, json: { name: 'Dup', type: 'extension', address: '204' } })).status).toBe(409);
    const id = ext.body.id;
    expect((await api('PUT', `/accounts/${id}/settings/greeting`, { headers: h, json: { value: 'Welcome' } })).body).toEqual({ name: 'greeting', value: 'Welcome' });
    expect((await api('GET', `/accounts/${id}/settings/greeting`, { headers: h })).body.value).toBe('Welcome');
    expect((await api('PUT', `/accounts/${id}/settings/bad%20name`, { headers: h, json: { value: 'x' } })).status).toBe(422);
    expect((await api('DELETE', `/accounts/${id}/settings/greeting`, { headers: h })).status).toBe(204);
    expect((await api('GET', `/accounts/${id}/settings/greeting`, { headers: h })).status).toBe(404);
    const rep = await addPerson(t, 'library-rep');
    expect((await api('PUT', `/accounts/${id}/users/${rep.userId}`, { headers: h })).status).toBe(204);
    expect((await api('GET', `/accounts/${id}`, { headers: h })).body.owner).toMatchObject({ id: rep.userId });
    // Someone outside the organization cannot own it.
    expect((await api('PUT', `/accounts/${id}/users/${other.owner.userId}`, { headers: h })).status).toBe(404);
    expect((await api('DELETE', `/accounts/${id}/users`, { headers: h })).status).toBe(204);
    expect((await api('GET', `/accounts/${id}`, { headers: h })).body.owner).toBeNull();
    // A member without the scopes is refused; a manager reads accounts but does not change them.
    expect((await api('GET', '/accounts', { headers: rep.headers })).status).toBe(403);
    const manager = await addPerson(t, 'library-manager', { role: 'manager' });
    expect((await api('GET', '/accounts', { headers: manager.headers })).status).toBe(200);
    expect((await api('POST', '/accounts', { headers: manager.headers, json: { name: 'M', type: 'extension', address: '205' } })).status).toBe(403);
  });

  it('counts contacts and groups in /statistics for those who may read them', async () => {
    const s = await newTenant('library-stats');
    await api('POST', '/contacts', { headers: s.keyHeaders, json: { firstName: 'A', phone: '+12015550125' } });
    await api('POST', '/groups', { headers: s.keyHeaders, json: { name: 'G' } });
    expect((await api('GET', '/statistics', { headers: s.keyHeaders })).body).toMatchObject({ contacts: 1, groups: 1 });
    const key = await api('POST', '/api-keys', { headers: s.orgHeaders, json: { name: 'stats', scopes: ['statistics:read'] } });
    expect((await api('GET', '/statistics', { headers: { 'x-api-key': key.body.key } })).body).toMatchObject({ contacts: null, groups: null });
  });
});
