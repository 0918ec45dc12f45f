// Missed calls follow up by themselves, end to end over the public API: the organization names a continuous SMS
// campaign as its follow-up (PATCH /organizations/{id}; a campaign that is not continuous is 422, another
// organization's 404, and neither changes anything); a live call nobody answers is missed by the server's job, its
// customer joins the campaign's group (matched to an existing contact by phone, as the import does, or created), and the
// running campaign sends them its message through a local server speaking Twilio's protocol. The call's detail points
// to the transmission; a second missed call of the same customer adds no second contact and no second message.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { requestCall } from '../../test/call-factories';
import { newTenant, type Tenant } from '../../test/factories';
import { GatewayPeer } from '../../test/gateway-peers';
import { until } from '../../test/until';

const twilio = new GatewayPeer('twilio');
let worker: WorkerHandle;
let t: Tenant;
let other: Tenant;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

async function smsCampaign(tenant: Tenant, continuous: boolean) {
  const h = tenant.keyHeaders;
  const group = await must(api('POST', '/groups', { headers: h, json: { name: `Follow-up ${Math.random().toString(36).slice(2, 7)}` } }), 201);
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Sorry we missed you', data: 'Sorry we missed your call, {{firstName}}. We will call you back.' } }), 201);
  const program = await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201);
  return must(api('POST', '/campaigns', { headers: h, json: { name: 'Missed calls', programId: program.programId, groupId: group.id, cpm: 600, continuous } }), 201);
}

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  process.env.CALL_MISSED_AFTER_SECONDS = '1';
  await twilio.start();
  [t, other] = await Promise.all([newTenant('follow-up'), newTenant('follow-up-other')]);
  await must(api('POST', '/accounts', { headers: t.keyHeaders, json: { name: 'Line', type: 'phone', address: '+13125550199' } }), 201);
  await must(api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Twilio', type: 'twilio', serviceFlags: ['sms'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password } }), 201);
  worker = await startWorker({ queues: ['call.miss', 'transmissions.deliver', 'campaigns.dispatch'] });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
  await twilio.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
  delete process.env.CALL_MISSED_AFTER_SECONDS;
});

it('a call left unanswered reaches its customer through the follow-up campaign', { timeout: 90_000 }, async () => {
  const h = t.keyHeaders;
  const orgPath = `/organizations/${t.organizationId}`;
  const oneOff = await smsCampaign(t, false);
  const followUp = await smsCampaign(t, true);
  const foreign = await smsCampaign(other, true);

  // Bad input changes nothing.
  expect((await api('PATCH', orgPath, { headers: h, json: { followUpCampaignId: oneOff.id } })).status).toBe(422);
  expect((await api('PATCH', orgPath, { headers: h, json: { followUpCampaignId: foreign.id } })).status).toBe(404);
  expect((await api('PATCH', orgPath, { headers: h, json: { followUpCampaignId: 'not-a-uuid' } })).status).toBe(422);
  expect((await must(api('GET', orgPath, { headers: h }), 200)).followUpCampaignId).toBeNull();
  const set = await must(api('PATCH', orgPath, { headers: h, json: { followUpCampaignId: followUp.id } }), 200);
  expect(set.followUpCampaignId).toBe(followUp.id);
  // The follow-up campaign runs with an empty group, waiting for missed calls.
  expect((await must(api('PUT', `/campaigns/${followUp.id}/start`, { headers: h }), 200)).status).toBe('running');

  // An existing contact with the customer's number (written without +: read in the organization's country) is reused.
  const known = await must(api('POST', '/contacts', { headers: h, json: { firstName: 'Known', phone: '+13125550111' } }), 201);
  const missed = await requestCall(t, { customer: { firstName: 'Known', phone: '(312) 555-0111', email: 'known@example.test' } });
  const fresh = await requestCall(t, { customer: { firstName: 'Nora', lastName: 'New', phone: '+13125550122' } });

  for (const [call, phone] of [[missed, '+13125550111'], [fresh, '+13125550122']] as const) {
    await until(() => twilio.received.filter((r) => r.form.get('To') === phone).length, (n) => n === 1);
    const detail = await until(() => must(api('GET', `/calls/${call.id}`, { headers: t.orgHeaders }), 200), (d) => d.followUp?.status === 'completed');
    expect(detail).toMatchObject({ status: 'missed', followUp: { campaignId: followUp.id, status: 'completed' } });
    const tr = await must(api('GET', `/transmissions/${detail.followUp.transmissionId}`, { headers: h }), 200);
    expect(tr).toMatchObject({ status: 'completed' });
  }
  expect(twilio.received.find((r) => r.form.get('To') === '+13125550122')!.form.get('Body')).toBe('Sorry we missed your call, Nora. We will call you back.');
  const members = await db.contactGroupMember.findMany({ where: { groupId: followUp.group.id }, include: { contact: true } });
  expect(members.map((m) => m.contact.phone).sort()).toEqual(['+13125550111', '+13125550122']);
  expect(members.find((m) => m.contact.phone === '+13125550111')!.contactId).toBe(known.id);
  expect(await db.contact.count({ where: { organizationId: t.organizationId, phone: '+13125550111' } })).toBe(1);

  // The same customer missed again: no second contact, no second message (one transmission per contact and campaign).
  const again = await requestCall(t, { customer: { firstName: 'Nora', phone: '+1 312 555 0122' } });
  const againDetail = await until(() => must(api('GET', `/calls/${again.id}`, { headers: t.orgHeaders }), 200), (d) => d.status === 'missed');
  expect(againDetail.followUp?.campaignId).toBe(followUp.id);
  await new Promise((r) => setTimeout(r, 2000));
  expect(twilio.received.filter((r) => r.form.get('To') === '+13125550122')).toHaveLength(1);
  expect(await db.contact.count({ where: { organizationId: t.organizationId, phone: '+13125550122' } })).toBe(1);
  // The customer never sees the organization's follow-up.
  expect((await must(api('GET', `/calls/${again.id}`, { headers: again.customer }), 200)).followUp).toBeNull();
  const campaign = await must(api('GET', `/campaigns/${followUp.id}`, { headers: h }), 200);
  expect(campaign).toMatchObject({ status: 'running', counts: { total: 2, sent: 2 } });
});
