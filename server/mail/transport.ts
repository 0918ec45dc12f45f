// The nodemailer transports of the process: the platform's own, built from SMTP_URL (rebuilt if the URL changes), and
// one per SMTP gateway of the outbound providers (server/providers/outbound/smtp-adapter), all with the same bounds.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

let cached: { url: string; transport: Transporter } | undefined;

// Bounded waits: a hung server fails the attempt (and the job retries) instead of holding a worker forever.
const BOUNDS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function smtpTransport(url: string): Transporter {
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  const transport = nodemailer.createTransport(url, BOUNDS);
  cached = { url, transport };
  return transport;
}

const gateways = new Map<string, Transporter<SMTPPool.SentMessageInfo>>();

/**
 * A pooled transport for one gateway configuration (`key` names it: provider, its last change and the address it
 * connects to), kept while the key stays the same. `timeoutMs` tightens the bounds for a gateway that must answer fast.
 */
export function gatewayTransport(key: string, options: Omit<SMTPPool.Options, 'pool'> & { timeoutMs?: number }): Transporter<SMTPPool.SentMessageInfo> {
  const found = gateways.get(key);
  if (found) return found;
  const { timeoutMs, ...rest } = options;
  const bounds = timeoutMs ? { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } : BOUNDS;
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 4, maxMessages: 1000, ...bounds, ...rest });
  // One gateway changed (new password, address): its older transports are closed.
  const prefix = key.split('|')[0]!;
  for (const [k, t] of gateways) {
    if (k.split('|')[0] !== prefix) continue;
    t.close();
    gateways.delete(k);
  }
  gateways.set(key, transport);
  return transport;
}
