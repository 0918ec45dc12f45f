// Every gateway adapter against a local peer speaking its protocol: what goes over the wire, and the gateway's errors
// (500, 429 with Retry-After, a hang past the timeout, a redirect to a private address, a refused address).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayPeer } from '../../test/gateway-peers';
import { SmtpSink } from '../../test/smtp-sink';
import { httpAdapter } from './http-adapter';
import { kannelAdapter } from './kannel-adapter';
import { ProviderError, type ProviderConfig } from './provider-adapter';
import { smtpAdapter } from './smtp-adapter';
import { twilioAdapter } from './twilio-adapter';

const twilio = new GatewayPeer('twilio');
const http = new GatewayPeer('http');
const kannel = new GatewayPeer('kannel');
const smtp = new SmtpSink();

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await Promise.all([twilio.start(), http.start(), kannel.start(), smtp.start()]);
});
afterAll(async () => {
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
  await Promise.all([twilio.stop(), http.stop(), kannel.stop(), smtp.stop()]);
});
afterEach(() => {
  for (const p of [twilio, http, kannel]) p.mode = { kind: 'ok' };
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
});

const config = (peer: GatewayPeer, over: Partial<ProviderConfig> = {}): ProviderConfig => ({
  id: `p-${peer.protocol}`,
  type: peer.protocol,
  host: peer.protocol === 'kannel' ? '127.0.0.1' : peer.url,
  port: peer.protocol === 'kannel' ? peer.port : null,
  username: peer.credentials.username,
  password: peer.credentials.password,
  settings: { timeoutSeconds: 1 },
  prefix: null,
  ...over,
});
const sms = { spoolId: '5b0a6a40-1111-4a8e-9a57-000000000001', service: 'sms' as const, to: '+12025550123', from: '+12025550100', text: 'Hi Ada' };

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

describe('twilio', () => {
  it('posts Messages.json form-encoded with Basic auth and the idempotency token; 201 queued is accepted', async () => {
    const answer = await twilioAdapter.send(config(twilio), { ...sms, receiptUrl: 'https://app.example/api/v1/inbound/x/receipt' }, {});
    expect(answer).toMatchObject({ messageId: expect.stringMatching(/^SM/), status: 'queued' });
    const req = twilio.received.at(-1)!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${twilio.credentials.username}/Messages.json`);
    expect(Object.fromEntries(req.form)).toEqual({ To: sms.to, From: sms.from, Body: 'Hi Ada', StatusCallback: 'https://app.example/api/v1/inbound/x/receipt' });
    expect(req.headers['i-twilio-idempotency-token']).toBe(sms.spoolId);
    expect(JSON.stringify(answer)).not.toContain(twilio.credentials.password);
  });

  it('places a call with TwiML <Say> (escaped) or <Play>', async () => {
    await twilioAdapter.send(config(twilio), { ...sms, service: 'voice', say: 'Hello <Ada> & co' }, {});
    expect(twilio.received.at(-1)!.path).toMatch(/Calls\.json$/);
    expect(twilio.received.at(-1)!.form.get('Twiml')).toContain('<Say>Hello &lt;Ada&gt; &amp; co</Say>');
    await twilioAdapter.send(config(twilio), { ...sms, service: 'voice', playUrl: 'https://media.example/a.wav' }, {});
    expect(twilio.received.at(-1)!.form.get('Twiml')).toContain('<Play>https://media.example/a.wav</Play>');
  });

  it('a wrong token is a failure naming Twilio’s answer; 500 fails; 429 asks to wait as long as Retry-After says', async () => {
    expect((await failure(twilioAdapter.send(config(twilio, { password: 'wrong' }), sms, {}))).message).toMatch(/401: 20003 Authenticate/);
    twilio.mode = { kind: 'error', status: 500 };
    expect(await failure(twilioAdapter.send(config(twilio), sms, {}))).toMatchObject({ kind: 'failed', detail: { status: 500 } });
    twilio.mode = { kind: 'throttle', retryAfter: '7' };
    expect(await failure(twilioAdapter.send(config(twilio), sms, {}))).toMatchObject({ kind: 'throttled', detail: { retryAfterMs: 7000 } });
  });

  it('a gateway hanging past the timeout fails the attempt', async () => {
    twilio.mode = { kind: 'hang' };
    const started = Date.now();
    expect((await failure(twilioAdapter.send(config(twilio), sms, {}))).message).toMatch(/did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not follow a redirect (to a private address or anywhere)', async () => {
    twilio.mode = { kind: 'redirect', location: 'http://169.254.169.254/latest/meta-data/' };
    expect((await failure(twilioAdapter.send(config(twilio), sms, {}))).message).toMatch(/redirect \(302\), which is not followed/);
  });

  it('refuses to connect to a loopback address without PROVIDER_ALLOW_PRIVATE_HOSTS, and to metadata ever', async () => {
    delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
    const before = twilio.received.length;
    expect((await failure(twilioAdapter.send(config(twilio), sms, {}))).message).toMatch(/may not be reached: .*loopback or private/);
    expect((await failure(twilioAdapter.send(config(twilio, { host: `http://localhost:${twilio.port}` }), sms, {}))).message).toMatch(/may not be reached/);
    process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
    expect((await failure(twilioAdapter.send(config(twilio, { host: 'http://169.254.169.254' }), sms, {}))).message).toMatch(/never reached/);
    expect(twilio.received.length).toBe(before);
  });
});

describe('http gateway', () => {
  it('posts signed JSON with the spool id as Idempotency-Key; the peer verifies the HMAC', async () => {
    const answer = await httpAdapter.send(config(http), sms, {});
    expect(answer).toMatchObject({ messageId: expect.stringMatching(/^msg-/), status: 'accepted' });
    const req = http.received.at(-1)!;
    expect(JSON.parse(req.body)).toEqual({ id: sms.spoolId, to: sms.to, from: sms.from, text: 'Hi Ada' });
    expect(req.headers['idempotency-key']).toBe(sms.spoolId);
    // Signed with another secret, the peer refuses (401): a failure.
    expect((await failure(httpAdapter.send(config(http, { password: 'other' }), sms, {}))).message).toMatch(/answered 401: bad signature/);
  });

  it('500, 429 Retry-After (HTTP date) and a hang', async () => {
    http.mode = { kind: 'error', status: 503 };
    expect(await failure(httpAdapter.send(config(http), sms, {}))).toMatchObject({ kind: 'failed' });
    http.mode = { kind: 'throttle', retryAfter: new Date(Date.now() + 20_000).toUTCString() };
    const throttled = await failure(httpAdapter.send(config(http), sms, {}));
    expect(throttled.kind).toBe('throttled');
    expect(throttled.detail.retryAfterMs).toBeGreaterThan(15_000);
    http.mode = { kind: 'hang' };
    expect((await failure(httpAdapter.send(config(http), sms, {}))).message).toMatch(/did not answer/);
  });
});

describe('kannel', () => {
  it('calls sendsms with credentials, text and the delivery-report URL; 202 "0: Accepted" is accepted and the password is not kept', async () => {
    const answer = await kannelAdapter.send(config(kannel), { ...sms, text: 'Grüße 😀', receiptUrl: 'https://app.example/api/v1/inbound/p/receipt?spool=s1&secret=k' }, {});
    expect(answer).toMatchObject({ messageId: null, status: 'accepted', response: { httpStatus: 202, answer: '0: Accepted for delivery' } });
    const q = kannel.received.at(-1)!.query;
    expect(Object.fromEntries(q)).toMatchObject({ username: kannel.credentials.username, to: sms.to, from: sms.from, text: 'Grüße 😀', coding: '2', charset: 'UTF-8', 'dlr-mask': '31' });
    expect(q.get('dlr-url')).toBe('https://app.example/api/v1/inbound/p/receipt?spool=s1&secret=k&type=%d&answer=%A');
    expect(JSON.stringify(answer)).not.toContain(kannel.credentials.password);
    expect((await failure(kannelAdapter.send(config(kannel, { password: 'x' }), sms, {}))).message).toMatch(/403: Authorization failed/);
  });

  it('503 with Retry-After asks to wait; a hang fails', async () => {
    kannel.mode = { kind: 'throttle', retryAfter: '3' };
    expect(await failure(kannelAdapter.send(config(kannel), sms, {}))).toMatchObject({ kind: 'throttled', detail: { retryAfterMs: 3000 } });
    kannel.mode = { kind: 'hang' };
    expect(await failure(kannelAdapter.send(config(kannel), sms, {}))).toMatchObject({ kind: 'failed' });
  });
});

describe('smtp', () => {
  const smtpConfig = (over: Partial<ProviderConfig> = {}): ProviderConfig => ({ id: 'p-smtp', type: 'smtp', host: '127.0.0.1', port: smtp.port, username: 'sink', password: 'secret', settings: { timeoutSeconds: 2, faxDomain: 'fax.example' }, prefix: null, ...over });

  it('sends HTML + text with the attachment and the spool’s Message-ID', async () => {
    const answer = await smtpAdapter.send(smtpConfig(), { spoolId: 'sp-1', service: 'email', to: 'ada@example.test', from: 'Sales <sales@example.test>', subject: 'Hi Ada', html: '<p>Hi <b>Ada</b></p>', text: 'Hi Ada', attachments: [{ filename: 'offer.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n') }] }, {});
    expect(answer.response.response).toMatch(/^250/);
    await smtp.waitFor((m) => m.some((x) => x.messageId === '<sp-1@pitchcraft.mail>'));
    const mail = smtp.messages.find((x) => x.messageId === '<sp-1@pitchcraft.mail>')!;
    expect(mail.from?.value[0]?.address).toBe('sales@example.test');
    expect(mail.html).toContain('<b>Ada</b>');
    expect(mail.text?.trim()).toBe('Hi Ada');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['offer.pdf', 'application/pdf']]);
  });

  it('fax goes to number@faxDomain with the PDF; a refused message (554) fails', async () => {
    await smtpAdapter.send(smtpConfig(), { spoolId: 'sp-2', service: 'fax', to: '+1 202 555 0199', from: 'fax@example.test', attachments: [{ filename: 'doc.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n') }] }, {});
    await smtp.waitFor((m) => m.some((x) => x.messageId === '<sp-2@pitchcraft.mail>'));
    expect(smtp.to('12025550199@fax.example')).toHaveLength(1);
    smtp.options = { rejectWith: { code: 554, message: 'Rejected' } };
    try {
      expect((await failure(smtpAdapter.send(smtpConfig(), { spoolId: 'sp-3', service: 'email', to: 'x@example.test', from: 'a@example.test', text: 'x' }, {}))).message).toMatch(/554/);
    } finally {
      smtp.options = {};
    }
  });

  it('refuses a loopback SMTP host without PROVIDER_ALLOW_PRIVATE_HOSTS (checked before connecting)', async () => {
    delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
    const attempts = smtp.attempts;
    expect((await failure(smtpAdapter.send(smtpConfig({ id: 'p-smtp-2' }), { spoolId: 'sp-4', service: 'email', to: 'x@example.test', from: 'a@example.test', text: 'x' }, {}))).message).toMatch(/may not be reached/);
    expect(smtp.attempts).toBe(attempts);
  });
});
