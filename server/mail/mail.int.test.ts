// Email delivery against a real SMTP server (smtp-server): both parts, absolute links, permanent refusals, outages,
// and the development mailbox when SMTP_URL is unset. Messages are delivered by calling the job's own function on
// rows made here, so no worker of another test file can take them first.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { listDevMailbox, readDevMail } from '../domain/mail/dev-mailbox';
import { listEmailLog } from '../domain/mail/list-email-log';
import { newTenant } from '../test/factories';
import { SmtpSink } from '../test/smtp-sink';
import { deliverEmail } from './deliver-email';
import { passwordResetEmail } from './templates/password-reset';

const job = (retryCount = 0) => ({ id: 'test', retryCount, retryLimit: 15, signal: new AbortController().signal });

async function storedEmail(to: string, organizationId: string | null = null) {
  const rendered = passwordResetEmail({ firstName: 'Grace <b>', url: 'http://app.example/reset-password/pr_abc', validMinutes: 60 });
  return db.emailMessage.create({ data: { organizationId, template: 'password-reset', from: 'Pitchcraft <no-reply@example.test>', to, ...rendered } });
}

describe('email delivery', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  afterEach(() => {
    sink.options = {};
    delete process.env.SMTP_URL;
  });
  afterAll(() => sink.stop());

  it('delivers HTML and text parts with absolute links and the stored id as Message-ID', async () => {
    process.env.SMTP_URL = sink.url;
    const to = `parts-${Date.now()}@example.test`;
    const email = await storedEmail(to);
    await deliverEmail(email.id, job());
    const [mail] = sink.to(to);
    expect(mail!.subject).toBe('Reset your Pitchcraft password');
    expect(mail!.messageId).toBe(`<${email.id}@pitchcraft.mail>`);
    expect(mail!.html).toContain('href="http://app.example/reset-password/pr_abc"');
    // Names are escaped in HTML, and stay readable in the text part.
    expect(mail!.html).toContain('Grace &lt;b&gt;');
    expect(mail!.text).toContain('Grace <b>');
    expect(mail!.text).toContain('http://app.example/reset-password/pr_abc');
    const links = [...String(mail!.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => /^https?:\/\//.test(l))).toBe(true);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect([row.status, row.transport, row.attempts]).toEqual(['sent', 'smtp', 1]);
    // Run twice (a job retried after a crash): nothing is sent again.
    await deliverEmail(email.id, job(1));
    expect(sink.to(to)).toHaveLength(1);
  });

  it('a permanent refusal (5xx) fails the message with the reason, without retrying', async () => {
    process.env.SMTP_URL = sink.url;
    sink.options = { rejectWith: { code: 550, message: 'Mailbox unavailable' } };
    const t = await newTenant('mail-refused');
    const email = await storedEmail(`refused-${Date.now()}@example.test`, t.organizationId);
    await deliverEmail(email.id, job());
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/^550 .*Mailbox unavailable/);
    // The organization's owners read it in the email log.
    const ctx = { organizationId: t.organizationId, actor: { kind: 'user' as const, id: t.owner.userId }, permissions: new Set(['emails:read'] as const), requestId: 'r' };
    const log = await listEmailLog({ ctx, input: { status: 'failed' } });
    expect(log.results.map((r) => [r.id, r.status, r.attempts])).toEqual([[email.id, 'failed', 1]]);
  });

  it('an unreachable server is a temporary failure: the job throws to be retried, the message stays queued', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:9'; // nothing listens on the discard port
    const email = await storedEmail(`down-${Date.now()}@example.test`);
    await expect(deliverEmail(email.id, job())).rejects.toThrow(/SMTP delivery failed/);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect([row.status, row.attempts]).toEqual(['queued', 1]);
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    // On the last allowed attempt it is marked failed for good.
    await expect(deliverEmail(email.id, job(15))).rejects.toThrow();
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status).toBe('failed');
  });

  it('without SMTP_URL mail is kept for /dev/mail, readable only from loopback and only while mail is not configured', async () => {
    const to = `mailbox-${Date.now()}@example.test`;
    const email = await storedEmail(to);
    await deliverEmail(email.id, job());
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect([row.status, row.transport]).toEqual(['sent', 'mailbox']);
    expect((await listDevMailbox({ peer: '127.0.0.1' })).map((m) => m.id)).toContain(email.id);
    expect((await readDevMail({ peer: '::1', id: email.id })).to).toBe(to);
    for (const peer of ['10.0.0.7', '192.168.1.2', '::ffff:10.1.1.1', null]) {
      await expect(listDevMailbox({ peer })).rejects.toMatchObject({ code: 'not_found' });
      await expect(readDevMail({ peer, id: email.id })).rejects.toMatchObject({ code: 'not_found' });
    }
    process.env.SMTP_URL = sink.url;
    await expect(listDevMailbox({ peer: '127.0.0.1' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
