// The one nodemailer transport of the process, built from SMTP_URL (rebuilt if the URL changes).
import nodemailer, { type Transporter } from 'nodemailer';

let cached: { url: string; transport: Transporter } | undefined;

export function smtpTransport(url: string): Transporter {
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  // Bounded waits: a hung server fails the attempt (and the job retries) instead of holding a worker forever.
  const transport = nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  cached = { url, transport };
  return transport;
}
