'use client';
// /{org}/transmissions/{id}: one transmission — to whom, by which program, its status (followed live while it is
// being delivered) — and each delivery attempt with the gateway's answer; send, retry, clone, schedule from here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { TableScroller } from '@/components/ui/table-scroller';
import { useToast } from '@/components/ui/toast';
import type { SpoolDto } from '@/server/domain/transmissions/transmission.schema';
import { StatusBadge } from './transmission-status';

const when = (v: string | null) => (v ? new Date(v).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'medium' }) : '—');

export function TransmissionPage({ organizationId, id }: { organizationId: string; id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { can } = useOrganizationAccess();
  const send = can('transmissions:send');
  // Followed live: every change is a transmission.updated event, which re-reads these (components/realtime/live-queries.ts).
  const t = useQuery(trpc.transmissions.get.queryOptions({ id }));
  const spools = useQuery(trpc.transmissions.spools.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries(trpc.transmissions.pathFilter());
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState('');
  const act = (m: { mutateAsync: (v: { id: string }) => Promise<unknown> }, done: string) => async () => {
    setError(null);
    try {
      await m.mutateAsync({ id });
      toast(done);
      await refresh();
    } catch (e) {
      setError(readServerError(e).message);
    }
  };
  const sendNow = useMutation(trpc.transmissions.send.mutationOptions());
  const retry = useMutation(trpc.transmissions.retry.mutationOptions());
  const clone = useMutation(trpc.transmissions.clone.mutationOptions());
  const schedule = useMutation(trpc.transmissions.schedule.mutationOptions());
  const cancel = useMutation(trpc.transmissions.cancelSchedule.mutationOptions());
  const remove = useMutation(trpc.transmissions.delete.mutationOptions());
  return (
    <QueryState query={t} loadingLabel="Loading the transmission">
      {(tr) => (
        <>
          <PageHeader
            eyebrow={tr.direction === 'inbound' ? 'Inbox' : 'Transmission'}
            title={tr.title || tr.program?.name || (tr.direction === 'inbound' ? `From ${tr.remoteAddress ?? 'unknown'}` : 'Transmission')}
            breadcrumbs={[{ label: tr.direction === 'inbound' ? 'Inbox' : 'Transmissions', href: `/${organizationId}/transmissions${tr.direction === 'inbound' ? '/inbox' : ''}` }]}
          />
          {error && <Alert tone="error" className="mb-4">{error}</Alert>}
          <Card className="mb-6">
            <CardHeader title="Status" />
            <CardBody className="grid gap-4 sm:grid-cols-2">
              <div>
                <p className="text-sm text-zinc-500">Status</p>
                <p className="mt-1" aria-live="polite" data-testid="transmission-status"><StatusBadge status={tr.status} /></p>
                {tr.statusReason && <p className="mt-2 text-sm break-words text-red-700">{tr.statusReason}</p>}
                {tr.scheduledAt && <p className="mt-2 text-sm text-zinc-600">Scheduled for {when(tr.scheduledAt)}</p>}
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-zinc-500">Contact</dt><dd className="break-words">{tr.contact ? `${tr.contact.name} · ${tr.program?.type === 'sendemail' ? tr.contact.email : tr.contact.phone}` : (tr.remoteAddress ?? '—')}</dd>
                <dt className="text-zinc-500">Program</dt><dd className="break-words">{tr.program?.name ?? '—'}</dd>
                <dt className="text-zinc-500">Account</dt><dd className="break-words">{tr.account ? `${tr.account.name} (${tr.account.address})` : tr.direction === 'outbound' ? 'The first active one of its type' : (tr.localAddress ?? '—')}</dd>
                <dt className="text-zinc-500">Created</dt><dd>{when(tr.createdAt)}</dd>
              </dl>
              {tr.direction === 'inbound' && tr.body !== null && (
                <div className="sm:col-span-2">
                  {tr.subject && <p className="font-medium">{tr.subject}</p>}
                  <p className="mt-1 text-sm break-words whitespace-pre-wrap text-zinc-800">{tr.body}</p>
                  {tr.faxUrl && <a className="mt-2 inline-block text-sm text-accent-700 underline underline-offset-2" href={tr.faxUrl} target="_blank" rel="noreferrer">Open the fax (PDF)</a>}
                </div>
              )}
            </CardBody>
            {send && tr.direction === 'outbound' && (
              <div className="flex flex-wrap items-end gap-2 border-t border-zinc-100 px-4 py-3 sm:px-6">
                {tr.status === 'pending' && <Button busy={sendNow.isPending} onClick={act(sendNow, 'Sending…')}>Send now</Button>}
                {(tr.status === 'failed' || tr.status === 'invalid') && <Button busy={retry.isPending} onClick={act(retry, 'Retrying…')}>Retry</Button>}
                <Button variant="ghost" busy={clone.isPending} onClick={async () => {
                  try {
                    const c = await clone.mutateAsync({ id });
                    toast('Copied (not sent)');
                    router.push(`/${organizationId}/transmissions/${c.transmissionId}`);
                  } catch (e) {
                    setError(readServerError(e).message);
                  }
                }}>Clone</Button>
                {tr.scheduledAt ? (
                  <Button variant="ghost" busy={cancel.isPending} onClick={act(cancel, 'Schedule cancelled')}>Cancel schedule</Button>
                ) : tr.status !== 'processing' && tr.status !== 'completed' && (
                  <div className="flex items-end gap-2">
                    <FormField id="schedule-at" label="Send at" className="w-56"><Input id="schedule-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} /></FormField>
                    <Button variant="secondary" disabled={!at} busy={schedule.isPending} onClick={async () => {
                      setError(null);
                      try {
                        await schedule.mutateAsync({ id, at: new Date(at).toISOString() });
                        toast('Scheduled');
                        setAt('');
                        await refresh();
                      } catch (e) {
                        setError(readServerError(e).message);
                      }
                    }}>Schedule</Button>
                  </div>
                )}
                {tr.status !== 'processing' && <Button variant="ghost" busy={remove.isPending} onClick={async () => {
                  try {
                    await remove.mutateAsync({ id });
                    toast('Transmission deleted');
                    await refresh();
                    router.push(`/${organizationId}/transmissions`);
                  } catch (e) {
                    setError(readServerError(e).message);
                  }
                }}>Delete</Button>}
              </div>
            )}
          </Card>
          {tr.direction === 'outbound' && (
            <Card>
              <CardHeader title="Delivery attempts" description="Each send or retry is one attempt, with the gateway’s answer." />
              {spools.data && spools.data.length === 0 ? <EmptyState title="Not sent yet" description="Send it now or schedule it." /> : <SpoolTable spools={spools.data ?? []} />}
            </Card>
          )}
        </>
      )}
    </QueryState>
  );
}

function SpoolTable({ spools }: { spools: SpoolDto[] }) {
  return (
    <TableScroller label="Delivery attempts">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500 uppercase"><tr><th className="px-4 py-2 sm:px-6">Status</th><th className="px-4 py-2">Provider</th><th className="px-4 py-2">Started</th><th className="px-4 py-2">Ended</th><th className="px-4 py-2">Answer</th></tr></thead>
        <tbody className="divide-y divide-zinc-100">
          {spools.map((s) => (
            <tr key={s.id} data-testid="spool-row">
              <td className="px-4 py-2 align-top sm:px-6"><StatusBadge status={s.status} />{s.deliveryStatus && <p className="mt-1 text-xs text-zinc-500">Receipt: {s.deliveryStatus}</p>}</td>
              <td className="px-4 py-2 align-top break-words">{s.provider ? s.provider.name : '—'}</td>
              <td className="px-4 py-2 align-top whitespace-nowrap">{when(s.startedAt)}</td>
              <td className="px-4 py-2 align-top whitespace-nowrap">{s.deferredUntil ? `Waiting until ${when(s.deferredUntil)}` : when(s.endedAt)}</td>
              <td className="max-w-72 px-4 py-2 align-top text-xs break-words">{s.error ? <span className="text-red-700">{s.error}</span> : s.providerMessageId ? <code className="break-all">{s.providerMessageId}</code> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
