'use client';
// The Background jobs panel: this organization's jobs per queue by state, and the latest failures with a retry.
import { useMutation, useQuery } from '@tanstack/react-query';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { TableScroller } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';

const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const COLUMNS = [
  { key: 'created', label: 'Waiting' },
  { key: 'retry', label: 'Retrying' },
  { key: 'active', label: 'Running' },
  { key: 'completed', label: 'Done' },
  { key: 'failed', label: 'Failed' },
] as const;

export function BackgroundJobs() {
  const { organization, can } = useOrganizationAccess();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Background jobs" description="Work the platform does for this organization after a request: emails now, imports and campaigns as they arrive." />
      <QueryState query={organization} loadingLabel="Loading" rows={4} frame="page">
        {() => (can('jobs:read') ? <JobsPanel /> : <Alert tone="info">Your role cannot see background jobs. Ask an owner or admin.</Alert>)}
      </QueryState>
    </>
  );
}

function JobsPanel() {
  const trpc = useTRPC();
  const toast = useToast();
  const jobs = useQuery(trpc.operations.jobs.queryOptions(undefined, { refetchInterval: 10_000 }));
  const retry = useMutation(
    trpc.operations.retryJob.mutationOptions({
      onSuccess: () => {
        toast('Sent back to the queue');
        void jobs.refetch();
      },
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );
  return (
    <QueryState query={jobs} loadingLabel="Loading background jobs" rows={4} frame="page">
      {(data) => (
        <div className="space-y-6">
          <Card aria-labelledby="queues-title">
            <CardHeader id="queues-title" title="Queues" description="Completed jobs are kept for a week." />
            {/* Phones get each queue as a small grid of counts instead of a table wider than the screen. */}
            <ul className="divide-y divide-zinc-100 sm:hidden">
              {data.queues.map((q) => (
                <li key={q.name} className="px-5 py-4">
                  <p className="font-medium text-zinc-900">
                    {q.label} <span className="ml-1 font-normal text-zinc-500">{q.name}</span>
                  </p>
                  <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
                    {COLUMNS.map((c) => (
                      <div key={c.key}>
                        <dt className="text-xs text-zinc-600">{c.label}</dt>
                        <dd className={`tabular-nums ${c.key === 'failed' && q.failed > 0 ? 'font-semibold text-red-700' : 'text-zinc-900'}`}>{q[c.key]}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
            <TableScroller label="Queues" className="hidden sm:block">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-zinc-100 text-xs text-zinc-600">
                  <tr>
                    <th scope="col" className="px-6 py-3 font-medium">Queue</th>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col" className="px-4 py-3 text-right font-medium">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {data.queues.map((q) => (
                    <tr key={q.name}>
                      <th scope="row" className="px-6 py-3 text-left font-medium whitespace-nowrap text-zinc-900">
                        {q.label} <span className="ml-1 font-normal text-zinc-500">{q.name}</span>
                      </th>
                      {COLUMNS.map((c) => (
                        <td key={c.key} className={`px-4 py-3 text-right tabular-nums ${c.key === 'failed' && q.failed > 0 ? 'font-semibold text-red-700' : 'text-zinc-700'}`}>
                          {q[c.key]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </Card>
          <Card aria-labelledby="failures-title">
            <CardHeader id="failures-title" title="Latest failures" description="Jobs that used up their retries. Fix the cause (for email, the SMTP settings), then retry." />
            {data.failures.length === 0 ? (
              <EmptyState title="No failed jobs" description="Everything that ran for this organization succeeded or is still being retried." />
            ) : (
              <ul className="divide-y divide-zinc-100">
                {data.failures.map((f) => (
                  <li key={f.id} className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 space-y-1">
                      <p className="font-medium text-zinc-900">
                        {f.label} <span className="font-normal text-zinc-500">after {f.attempts} {f.attempts === 1 ? 'attempt' : 'attempts'}</span>
                      </p>
                      <p className="text-sm wrap-anywhere text-zinc-700">{f.reason}</p>
                      <p className="text-xs text-zinc-500">{f.failedAt ? `Failed ${SHORT.format(new Date(f.failedAt))}` : `Queued ${SHORT.format(new Date(f.createdAt))}`}</p>
                    </div>
                    <Button variant="secondary" size="sm" busy={retry.isPending && retry.variables?.id === f.id} onClick={() => retry.mutate({ queue: f.queue, id: f.id })}>
                      Retry
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </QueryState>
  );
}
