'use client';
// The organization's email log: recipient, subject, status, attempts and the last error, newest first, live.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { MailIcon } from '@/components/shell/nav-icons';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { QueryState } from '@/components/ui/query-state';
import { Select } from '@/components/ui/select';
import { TableScroller } from '@/components/ui/table-scroller';
import { EMAIL_STATUSES, type EmailLogEntryDto } from '@/server/domain/mail/email-log.schema';

const PAGE = 50;
const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATUS: Record<EmailLogEntryDto['status'], { label: string; tone: 'neutral' | 'success' | 'danger' }> = {
  queued: { label: 'Waiting to send', tone: 'neutral' },
  sent: { label: 'Sent', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

export function EmailLog() {
  const { organization, can } = useOrganizationAccess();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Email log" description="Every email this organization sent or tried to send, newest first." />
      <QueryState query={organization} loadingLabel="Loading" rows={6} frame="page">
        {() => (can('emails:read') ? <EmailTable /> : <Alert tone="info">Your role cannot read this organization&apos;s email log. Ask an owner or admin.</Alert>)}
      </QueryState>
    </>
  );
}

function EmailTable() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<EmailLogEntryDto['status'] | ''>('');
  const [offset, setOffset] = useState(0);
  const log = useQuery(trpc.operations.emailLog.queryOptions({ limit: PAGE, offset, ...(status && { status }) }, { placeholderData: (p) => p }));
  return (
    <Card aria-labelledby="email-title">
      <CardHeader
        id="email-title"
        title="Emails"
        description={log.data ? `${log.data.count} ${log.data.count === 1 ? 'email' : 'emails'}` : undefined}
        action={
          <Select
            aria-label="Status"
            className="w-full sm:w-48"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as EmailLogEntryDto['status'] | '');
              setOffset(0);
            }}
          >
            <option value="">All statuses</option>
            {EMAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS[s].label}
              </option>
            ))}
          </Select>
        }
      />
      <QueryState query={log} loadingLabel="Loading the email log" rows={5} frame="inset">
        {(data) =>
          data.count === 0 ? (
            <EmptyState icon={<MailIcon />} title={status ? 'No emails with this status' : 'No emails yet'} description="Invitations, loan links and other emails your organization sends will show here." />
          ) : (
            <>
              <TableScroller label="Emails" className={cx('transition-opacity', log.isPlaceholderData && 'opacity-60')}>
                <table className="w-full text-left text-sm">
                  <thead className="border-b border-zinc-100 text-xs text-zinc-600">
                    <tr>
                      <th scope="col" className="px-6 py-3 font-medium">Time</th>
                      <th scope="col" className="px-4 py-3 font-medium">Recipient</th>
                      <th scope="col" className="px-4 py-3 font-medium">Subject</th>
                      <th scope="col" className="px-4 py-3 font-medium">Status</th>
                      <th scope="col" className="px-4 py-3 text-right font-medium">Attempts</th>
                      <th scope="col" className="px-6 py-3 font-medium">Last error</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100">
                    {data.results.map((m) => (
                      <tr key={m.id} className="align-top">
                        <td className="px-6 py-3 whitespace-nowrap text-zinc-600">
                          <time dateTime={m.createdAt}>{SHORT.format(new Date(m.createdAt))}</time>
                        </td>
                        <td className="max-w-56 truncate px-4 py-3 text-zinc-900" title={m.to}>{m.to}</td>
                        <td className="max-w-72 truncate px-4 py-3 text-zinc-900" title={m.subject}>{m.subject}</td>
                        <td className="px-4 py-3">
                          <Badge tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Badge>
                        </td>
                        <td className="px-4 py-3 text-right text-zinc-600 tabular-nums">{m.attempts}</td>
                        <td className="max-w-72 px-6 py-3 wrap-anywhere text-zinc-600">{m.lastError ?? <span className="text-zinc-500">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
              <Pagination offset={offset} limit={PAGE} count={data.count} onChange={setOffset} label="Email log pages" />
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
