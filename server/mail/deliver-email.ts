// Delivers one stored email (the mail.send job): over SMTP when SMTP_URL is set, else into the development mailbox.
// Idempotent: a message already sent or failed is left alone, so a job that runs twice sends once.
import { db } from '../db';
import { publishEvent } from '../realtime/publish-event';
import type { JobContext } from '../jobs/job-context';
import { mailSettings } from './settings';
import { smtpTransport } from './transport';

export async function deliverEmail(emailId: string, job: JobContext): Promise<void> {
  const email = await db.emailMessage.findUnique({ where: { id: emailId } });
  if (!email || email.status !== 'queued') return;
  const { smtpUrl } = mailSettings();
  const changed = (status: string) =>
    email.organizationId ? publishEvent(db, { organizationId: email.organizationId, type: 'email.updated', payload: { id: email.id, status }, audience: { permission: 'emails:read' } }) : null;
  if (!smtpUrl) {
    await db.emailMessage.update({ where: { id: email.id }, data: { status: 'sent', transport: 'mailbox', attempts: { increment: 1 }, sentAt: new Date() } });
    await changed('sent');
    const link = email.text.match(/https?:\/\/\S+/)?.[0];
    console.log(`[mail] Not sent (SMTP_URL is unset), kept at /dev/mail: to ${email.to} · "${email.subject}"${link ? ` · ${link}` : ''}`);
    return;
  }
  await db.emailMessage.update({ where: { id: email.id }, data: { attempts: { increment: 1 } } });
  try {
    await smtpTransport(smtpUrl).sendMail({
      // The stored id as Message-ID: a receiver can tell a redelivery (after a crash mid-send) from a new message.
      messageId: `<${email.id}@pitchcraft.mail>`,
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
  } catch (error) {
    const reason = describe(error);
    const permanent = isPermanent(error);
    const lastTry = job.retryCount >= job.retryLimit;
    await db.emailMessage.update({ where: { id: email.id }, data: { lastError: reason, ...(permanent || lastTry ? { status: 'failed' } : {}) } });
    await changed(permanent || lastTry ? 'failed' : 'queued');
    // A permanent refusal (5xx) will not change by retrying; anything else is retried with backoff by the queue.
    if (permanent) return;
    throw new Error(`SMTP delivery failed: ${reason}`);
  }
  await db.emailMessage.update({ where: { id: email.id }, data: { status: 'sent', transport: 'smtp', sentAt: new Date(), lastError: null } });
  await changed('sent');
}

type SmtpError = { responseCode?: number; response?: string; code?: string; message?: string };

function isPermanent(error: unknown): boolean {
  const code = (error as SmtpError).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as SmtpError;
  const text = e.response ?? e.message ?? String(error);
  return (e.responseCode ? `${e.responseCode} ${text}` : e.code ? `${e.code}: ${text}` : text).slice(0, 500);
}
