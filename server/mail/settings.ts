// Where mail goes, read from the environment at each use (operators and tests may change it without a restart of this module).
import { z } from 'zod';

const schema = z.object({
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Pitchcraft <no-reply@pitchcraft.local>'),
});

export type MailSettings = { smtpUrl: string | null; from: string };

export function mailSettings(): MailSettings {
  const parsed = schema.parse({ SMTP_URL: process.env.SMTP_URL || undefined, MAIL_FROM: process.env.MAIL_FROM || undefined });
  return { smtpUrl: parsed.SMTP_URL ?? null, from: parsed.MAIL_FROM };
}

/** With SMTP_URL unset, mail is kept in PostgreSQL and shown in the development mailbox at /dev/mail. */
export const mailboxMode = () => mailSettings().smtpUrl === null;

/**
 * Whether the development pages (/dev/mail, /dev/sink) may open at all (to loopback visitors only, in any case):
 * DEV_PAGES=true opens them with SMTP_URL set too (a developer sending real mail, the end-to-end suite), false never;
 * unset, they open exactly in mailbox mode (a development or demo install).
 */
export function devPagesEnabled(): boolean {
  const v = process.env.DEV_PAGES?.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return mailboxMode();
}
