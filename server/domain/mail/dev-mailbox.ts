// The development mailbox: with SMTP_URL unset, mail is kept in PostgreSQL and readable at /dev/mail — only from this
// machine (a loopback peer address) and only while mail is not configured (or DEV_PAGES=true). Anyone else gets a
// plain 404.
import { db } from '../../db';
import { AppError } from '../../errors';
import { devPagesEnabled } from '../../mail/settings';

const isLoopback = (ip: string | null) => !!ip && (/^127\./.test(ip) || ip === '::1' || /^::ffff:127\./i.test(ip));

/**
 * SECURITY: the development pages (/dev/mail, /dev/sink) hold password-reset and invite links and whatever the sink
 * provider was given, for every organization; they must never be reachable from another machine. Open only to a
 * loopback peer, and only while mail is not configured (SMTP_URL unset) unless DEV_PAGES=true says so: a production
 * server behind a reverse proxy on the same machine sees every visitor as loopback unless TRUST_PROXY is set, and a
 * configured mailer says this is not a development install.
 */
export function assertDevPageOpen(peer: string | null) {
  if (!devPagesEnabled() || !isLoopback(peer)) throw new AppError('not_found', { message: 'Page not found' });
}

export async function listDevMailbox(opts: { peer: string | null; limit?: number }) {
  assertDevPageOpen(opts.peer);
  return db.emailMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: opts.limit ?? 100,
    select: { id: true, to: true, subject: true, status: true, createdAt: true, template: true },
  });
}

export async function readDevMail(opts: { peer: string | null; id: string }) {
  assertDevPageOpen(opts.peer);
  const message = /^[0-9a-f-]{36}$/i.test(opts.id)
    ? await db.emailMessage.findUnique({ where: { id: opts.id }, include: { sinkMessages: { select: { attachments: true, provider: { select: { name: true } } }, take: 1 } } })
    : null;
  if (!message) throw new AppError('not_found', { message: 'Message not found' });
  const { sinkMessages, ...mail } = message;
  const sink = sinkMessages[0];
  // An email the sink provider put here: which provider, and what was attached (the mailbox keeps no files).
  return { ...mail, sink: sink ? { provider: sink.provider?.name ?? null, attachments: Array.isArray(sink.attachments) ? (sink.attachments as { filename: string; contentType: string; size: number }[]) : [] } : null };
}
