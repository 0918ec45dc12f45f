// One of everything of the outbound slice for a tenant (contacts, groups, an import, the library with files,
// accounts, programs, a provider, a transmission and its spool, a draft campaign), through the public API, for tenancy checks and end-to-end tests.
import { api } from './api-client';
import type { Tenant } from './factories';
import { makeWav } from './wav';

/** A small PDF that starts as PDF files do. */
export const tinyPdf = () => new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function must(res: Promise<{ status: number; body: any; text: string }>, expected: number, what: string) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await res;
  if (r.status !== expected) throw new Error(`${what} failed: ${r.status} ${r.text}`);
  return r.body;
}

export async function outboundFixtures(t: Tenant) {
  const h = t.keyHeaders;
  const tag = Math.random().toString(36).slice(2, 8);
  const group = await must(api('POST', '/groups', { headers: h, json: { name: `Group ${tag}` } }), 201, 'group');
  const contact = await must(api('POST', '/contacts', { headers: h, json: { firstName: 'Victor', phone: `+1201555${String(Math.floor(Math.random() * 9000) + 1000)}` } }), 201, 'contact');
  const imported = await api('POST', `/groups/${group.id}/csv`, { headers: h, body: 'First name,Phone\nIvy,+12025550100\n', contentType: 'text/csv' });
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Welcome', data: 'Hi {{firstName}}' } }), 201, 'text');
  const template = await must(api('POST', '/messages/templates', { headers: h, json: { name: 'Offer', subject: 'Hello {{firstName}}', body: '<p>Our offer</p>' } }), 201, 'template');
  await must(api('PUT', `/messages/templates/${template.id}/media`, { headers: h, body: tinyPdf() as BodyInit, contentType: 'application/pdf' }), 200, 'attachment');
  const recording = await must(api('POST', '/messages/recordings', { headers: h, json: { name: 'Greeting' } }), 201, 'recording');
  await must(api('PUT', `/messages/recordings/${recording.id}/media`, { headers: h, body: makeWav({ seconds: 1 }) as BodyInit, contentType: 'audio/wav' }), 200, 'recording file');
  const document = await must(api('POST', '/messages/documents', { headers: h, json: { name: 'Brochure' } }), 201, 'document');
  await must(api('PUT', `/messages/documents/${document.id}/media`, { headers: h, body: tinyPdf() as BodyInit, contentType: 'application/pdf' }), 200, 'document file');
  const account = await must(api('POST', '/accounts', { headers: h, json: { name: 'Sales line', type: 'phone', address: `+1202555${String(Math.floor(Math.random() * 9000) + 1000)}` } }), 201, 'account');
  await must(api('PUT', `/accounts/${account.id}/settings/signature`, { headers: h, json: { value: 'Best, Sales' } }), 200, 'setting');
  const program = await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201, 'program');
  // A paused Kannel gateway on a public documentation address (nothing is delivered through it).
  const provider = await must(api('POST', '/providers', { headers: h, json: { name: 'Gateway', type: 'kannel', serviceFlags: ['sms'], host: '203.0.113.10', port: 13013, username: 'u', password: 'fixture-secret', active: false } }), 201, 'provider');
  const transmission = await must(api('POST', '/transmissions', { headers: h, json: { contactId: contact.id, programId: program.programId, title: 'Welcome' } }), 201, 'transmission');
  const sent = await must(api('POST', `/transmissions/${transmission.id}/send`, { headers: h }), 201, 'send');
  const campaign = await must(api('POST', '/campaigns', { headers: h, json: { name: 'Spring outreach', programId: program.programId, groupId: group.id, cpm: 60 } }), 201, 'campaign');
  return {
    groupId: group.id as string,
    contactId: contact.id as string,
    importId: imported.headers.get('x-import-id')!,
    textId: text.id as string,
    templateId: template.id as string,
    recordingId: recording.id as string,
    documentId: document.id as string,
    accountId: account.id as string,
    programId: program.programId as string,
    providerId: provider.id as string,
    transmissionId: transmission.id as string,
    spoolId: sent.spoolId as string,
    campaignId: campaign.id as string,
  };
}
