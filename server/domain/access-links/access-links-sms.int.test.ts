// Access links by SMS, through the outbound providers and transmissions (no second delivery path): a real worker
// delivers to a local server speaking Twilio's protocol. Without an active SMS provider: 409 and nothing is created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { newExternalUser } from '../../test/chat';
import { newTenant, type Tenant } from '../../test/factories';
import { GatewayPeer } from '../../test/gateway-peers';
import { until } from '../../test/until';

const twilio = new GatewayPeer('twilio');
let worker: WorkerHandle;
let t: Tenant;
const phone = '+12025550147';

const counts = async (organizationId: string) => ({
  links: await db.accessLink.count({ where: { organizationId } }),
  transmissions: await db.transmission.count({ where: { organizationId } }),
  spools: await db.spool.count({ where: { organizationId } }),
});

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await twilio.start();
  t = await newTenant('link-sms');
  worker = await startWorker({ queues: ['transmissions.deliver'] });
});
afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
  await twilio.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

describe('POST /access-tokens with a phone', () => {
  it('without an active SMS provider (none, then an inactive one): 409 and nothing created', async () => {
    const ext = await newExternalUser(t, 'Grace’s phone');
    const before = await counts(t.organizationId);
    const ask = () => api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.userId, phone } });
    const none = await ask();
    expect(none.status).toBe(409);
    expect(none.body.detail).toMatch(/SMS provider/);
    const inactive = await api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Paused', type: 'twilio', serviceFlags: ['sms'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password, active: false } });
    expect(inactive.status).toBe(201);
    expect((await ask()).status).toBe(409);
    // Asked with an email too: still refused as a whole (the caller asked for a text), no email queued either.
    expect((await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.userId, phone, email: 'grace@example.test' } })).status).toBe(409);
    expect(await counts(t.organizationId)).toEqual(before);
    expect(twilio.received).toHaveLength(0);
    await api('DELETE', `/providers/${inactive.body.id}`, { headers: t.keyHeaders });
  });

  it('texts the link through the active Twilio provider as a transmission; the URL is stored nowhere readable; asking again texts the same link', async () => {
    const ext = await newExternalUser(t, 'Ada’s phone');
    const provider = await api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Twilio', type: 'twilio', serviceFlags: ['sms'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password, settings: { timeoutSeconds: 2 } } });
    expect(provider.status).toBe(201);
    // A provider but no phone account to send from: 409 as well, nothing made.
    const noAccount = await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.userId, phone } });
    expect(noAccount.status).toBe(409);
    expect(noAccount.body.detail).toMatch(/phone account/);
    expect(await db.accessLink.count({ where: { externalUserId: ext.userId } })).toBe(0);
    const account = await api('POST', '/accounts', { headers: t.keyHeaders, json: { name: 'Sales line', type: 'phone', address: '+12025550199' } });
    expect(account.status).toBe(201);

    const made = await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.userId, phone } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ previouslyCreated: false, url: expect.stringContaining('/access/') });
    await twilio.waitFor(1);
    const sms = twilio.received[0]!;
    expect(sms.form.get('To')).toBe(phone);
    expect(sms.form.get('From')).toBe('+12025550199');
    expect(sms.form.get('Body')).toContain(made.body.url);

    const link = await db.accessLink.findFirstOrThrow({ where: { externalUserId: ext.userId } });
    const transmission = await db.transmission.findFirstOrThrow({ where: { accessLinkId: link.id } });
    expect(transmission).toMatchObject({ direction: 'outbound', remoteAddress: phone, contactId: null, programId: null, body: null });
    const token = made.body.url.split('/access/')[1];
    // The transmission, as members read it over REST, shows where the text went and how it fared, never the link.
    const read = await until(() => api('GET', `/transmissions/${transmission.id}`, { headers: t.keyHeaders }), (r) => r.body.status === 'completed');
    expect(read.body).toMatchObject({ title: 'Access link for Ada’s phone', remoteAddress: phone, lastSpool: { status: 'completed', providerMessageId: expect.stringMatching(/^SM/) } });
    const rows = JSON.stringify([await db.transmission.findMany({ where: { accessLinkId: link.id } }), await db.spool.findMany({ where: { transmissionId: transmission.id } }), read.body]);
    expect(rows).not.toContain(token);

    // Asked again while valid: the same link, texted again (a second transmission), nothing new made.
    const again = await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.userId, phone } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ previouslyCreated: true, url: made.body.url });
    await twilio.waitFor(2);
    expect(twilio.received[1]!.form.get('Body')).toContain(made.body.url);
    expect(await db.accessLink.count({ where: { externalUserId: ext.userId } })).toBe(1);
    expect(await db.transmission.count({ where: { accessLinkId: link.id } })).toBe(2);
    // The text's transmission is not cloned (the link is its content); a retry would text the same link again.
    expect((await api('POST', `/transmissions/${transmission.id}/clone`, { headers: t.keyHeaders })).status).toBe(409);
  });
});
