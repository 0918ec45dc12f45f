// /dev/mail – every email the app "sent" while SMTP_URL is unset, newest first (loopback visitors only).
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { clientIp } from '@/server/client-ip';
import { listDevMailbox } from '@/server/domain/mail/dev-mailbox';

export default async function DevMailboxPage() {
  await connection();
  const messages = await listDevMailbox({ peer: clientIp(await headers()) }).catch(() => notFound());
  return (
    <>
      <PageHeader title="Mailbox" description={`${messages.length === 100 ? 'The latest 100' : messages.length} message${messages.length === 1 ? '' : 's'}, newest first.`} />
      {messages.length === 0 ? (
        <EmptyState title="No mail yet" description="Emails the app sends (password resets, invitations, loan links) appear here." />
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mail/${m.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-zinc-50 focus-visible:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4">
                <span className="min-w-0 flex-1 truncate font-medium text-zinc-900">{m.subject}</span>
                <span className="min-w-0 truncate text-sm text-zinc-600 sm:w-64">{m.to}</span>
                <span className="text-sm whitespace-nowrap text-zinc-600">
                  <DateText value={m.createdAt.toISOString()} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
