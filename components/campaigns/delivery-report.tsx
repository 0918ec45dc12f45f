'use client';
// /{org}/campaigns/{id}/report: the campaign's transmissions, each with every delivery attempt (its spools: gateway,
// outcome, time, provider id, error), filtered by status or contact, a page at a time, and the same rows as CSV
// (report.csv, one row per attempt, through the app's one export path) with the export button of the other lists,
// whose progress counts those rows.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { ExportButton } from '@/components/calls/export-button';
import { browserTimeZone } from '@/components/calls/format';
import { SendIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { StatusBadge, STATUS_OPTIONS } from '@/components/transmissions/transmission-status';
import { Alert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterChips, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import type { CampaignDelivery } from '@/server/domain/campaigns/campaign-report';
import { CampaignStatusBadge } from './campaign-status';

const TIME = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'medium' });

export function DeliveryReport({ organizationId, id }: { organizationId: string; id: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('campaigns:read');
  const canOpen = can('transmissions:read');
  const list = useTableUrlState({ defaultOrdering: '', filterNames: ['status', 'search'], limit: 25 });
  const campaign = useQuery(trpc.campaigns.get.queryOptions({ id }, { enabled: allowed }));
  const deliveries = useQuery(trpc.campaigns.deliveries.queryOptions({ id, limit: list.limit, offset: list.offset, status: list.filters.status, search: list.filters.search }, { placeholderData: keepPreviousData, enabled: allowed }));
  const columns = useMemo<DataTableColumn<CampaignDelivery>[]>(
    () => [
      {
        id: 'contact',
        enableSorting: false,
        header: 'Contact',
        meta: { primary: true },
        cell: ({ row }) => {
          const t = row.original;
          const name = t.contact?.name || 'Unknown contact';
          return (
            <div className="min-w-40">
              {canOpen ? <Link href={`/${organizationId}/transmissions/${t.id}`} className="font-medium break-words text-zinc-900 underline-offset-2 hover:underline">{name}</Link> : <span className="font-medium break-words">{name}</span>}
              <p className="text-xs break-words text-zinc-500">{[t.contact?.email, t.contact?.phone].filter(Boolean).join(' · ')}</p>
            </div>
          );
        },
      },
      { id: 'status', enableSorting: false, header: 'Status', meta: { primary: true }, cell: ({ row }) => <div><StatusBadge status={row.original.status} />{row.original.statusReason && <p className="mt-1 max-w-56 text-xs break-words text-zinc-500">{row.original.statusReason}</p>}</div> },
      {
        id: 'attempts',
        enableSorting: false,
        header: 'Attempts',
        meta: { primary: true },
        cell: ({ row }) =>
          row.original.spools.length === 0 ? (
            <span className="text-sm text-zinc-500">Not tried yet</span>
          ) : (
            <ol className="min-w-56 space-y-1.5" aria-label="Attempts">
              {row.original.spools.map((s, i) => (
                <li key={s.id} className="text-xs text-zinc-600" data-testid="report-spool">
                  <span className="font-medium text-zinc-800">#{i + 1}</span> <StatusBadge status={s.status} /> {s.provider?.name ?? 'no gateway'} · {TIME(s.startedAt)}
                  {s.deliveryStatus && <> · {s.deliveryStatus}</>}
                  {s.error && <p className="break-words text-red-700">{s.error}</p>}
                </li>
              ))}
            </ol>
          ),
      },
      { id: 'updatedAt', enableSorting: false, header: 'Updated', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => TIME(row.original.updatedAt) },
    ],
    [organizationId, canOpen],
  );
  const crumbs = [{ href: `/${organizationId}/campaigns`, label: 'Campaigns' }, { href: `/${organizationId}/campaigns/${id}`, label: campaign.data?.name ?? 'Campaign' }, { label: 'Delivery report' }];
  if (organization.data && !allowed)
    return (
      <>
        <PageHeader eyebrow="Outreach" title="Delivery report" breadcrumbs={crumbs} />
        <Alert tone="info">Your role cannot see campaigns. Ask an owner, admin or manager.</Alert>
      </>
    );
  const active = (list.filters.status ? 1 : 0) + (list.filters.search ? 1 : 0);
  const exportHref = `/${organizationId}/campaigns/${id}/report.csv?${new URLSearchParams({ ...list.filters, tz: browserTimeZone() }).toString()}`;
  return (
    <>
      <PageHeader
        eyebrow="Delivery report"
        title={campaign.data?.name ?? 'Campaign'}
        breadcrumbs={crumbs}
        description={campaign.data ? <span className="inline-flex flex-wrap items-center gap-2"><CampaignStatusBadge status={campaign.data.status} /> {campaign.data.counts.sent.toLocaleString('en')} sent · {(campaign.data.counts.failed + campaign.data.counts.invalid).toLocaleString('en')} failed · {campaign.data.counts.pending.toLocaleString('en')} pending</span> : undefined}
        action={<ExportButton href={exportHref} total={deliveries.data?.exportRows ?? 0} noun={deliveries.data?.exportRows === 1 ? 'row' : 'rows'} note="one per attempt (or per transmission not yet tried)" />}
      />
      <Card>
        <CardHeader title={deliveries.data ? `${deliveries.data.count.toLocaleString('en')} ${deliveries.data.count === 1 ? 'transmission' : 'transmissions'}` : 'Transmissions'} />
        <FilterPanel active={active} columns="sm:grid-cols-2">
          <FilterChips label="Status" options={STATUS_OPTIONS} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
          <FilterText label="Contact" placeholder="Name, phone or email" {...list.filter('search')} />
        </FilterPanel>
        <DataTable
          label="Deliveries"
          columns={columns}
          query={deliveries}
          rows={deliveries.data?.results}
          count={deliveries.data?.count}
          url={list}
          loadingLabel="Loading deliveries"
          getRowId={(t) => t.id}
          empty={<EmptyState icon={<SendIcon />} title={active ? 'No transmission matches' : 'Nothing sent yet'} description={active ? 'Clear the filters to see every transmission.' : 'Each contact of the group gets a transmission here once the campaign starts.'} />}
        />
      </Card>
    </>
  );
}
