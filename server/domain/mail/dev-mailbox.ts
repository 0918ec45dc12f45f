// The development mailbox: with SMTP_URL unset, mail is kept in PostgreSQL and readable at /dev/mail — only from this
// machine (a loopback peer address) and only while mail is not configured. Anyone else gets a plain 404.
import { db } from '../../db';
import { AppError } from '../../errors';
import { mailboxMode } from '../../mail/settings';

const isLoopback = (ip: string | null) => !!ip && (/^127\./.test(ip) || ip === '::1' || /^::ffff:127\./i.test(ip));

/** SECURITY: the mailbox holds password-reset and invite links; it must never be reachable from another machine. */
function assertMailboxOpen(peer: string | null) {
  if (!mailboxMode() || !isLoopback(peer)) throw new AppError('not_found', { message: 'Page not found' });
}

export async function listDevMailbox(opts: { peer: string | null; limit?: number }) {
  assertMailboxOpen(opts.peer);
  return db.emailMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: opts.limit ?? 100,
    select: { id: true, to: true, subject: true, status: true, createdAt: true, template: true },
  });
}

export async function readDevMail(opts: { peer: string | null; id: string }) {
  assertMailboxOpen(opts.peer);
  const message = /^[0-9a-f-]{36}$/i.test(opts.id) ? await db.emailMessage.findUnique({ where: { id: opts.id } }) : null;
  if (!message) throw new AppError('not_found', { message: 'Message not found' });
  return message;
}
