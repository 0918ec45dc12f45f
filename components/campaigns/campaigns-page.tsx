'use client';
// /{org}/campaigns: every campaign with its status and a progress bar that follows it live (campaign.progress events
// invalidate the list, live-queries.ts), filtered by status or name, a page at a time. "New campaign" opens the wizard.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { CampaignIcon } from '@/components/contacts/icons';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterChips, FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { CAMPAIGN_ORDERING, type CampaignDto, type CampaignOrderingField } from '@/server/domain/campaigns/campaign.schema';
import { CAMPAIGN_STATUS_OPTIONS, CampaignProgress, CampaignStatusBadge, dateTime } from './campaign-status';

export function CampaignsPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can, organization } = useOrganizationAccess();
  const allowed = can('campaigns:read');
  const manage = can('campaigns:manage');
  const list = useTableUrlState<CampaignOrderingField>({ defaultOrdering: '-createdAt', sortable: CAMPAIGN_ORDERING, filterNames: ['status', 'search'], limit: 25 });
  const campaigns = useQuery(
    trpc.campaigns.list.queryOptions({ limit: list.limit, offset: list.offset, ordering: list.ordering, status: list.filters.status, search: list.filters.search }, { placeholderData: keepPreviousData, enabled: allowed }),
  );
  const columns = useMemo<DataTableColumn<CampaignDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Campaign',
        sortDescFirst: false,
        meta: { primary: true },
        cell: ({ row }) => (
          <div className="min-w-44">
            <Link href={`/${organizationId}/campaigns/${row.original.id}`} className="font-medium break-words text-zinc-900 underline-offset-2 hover:underline">
              {row.original.name}
            </Link>
            <p className="text-xs break-words text-zinc-500">
              {row.original.program.name} → {row.original.group.name}
              {row.original.continuous && ' · continuous'}
            </p>
          </div>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        meta: { primary: true, className: 'whitespace-nowrap' },
        cell: ({ row }) => (
          <div>
            <CampaignStatusBadge status={row.original.status} />
            {row.original.schedules[0] && <p className="mt-1 text-xs text-zinc-500">{row.original.schedules[0].action === 'start' ? 'Starts' : 'Stops'} {dateTime(row.original.schedules[0].nextAt)}</p>}
          </div>
        ),
      },
      {
        id: 'progress',
        enableSorting: false,
        header: 'Progress',
        meta: { primary: true },
        cell: ({ row }) => {
          const c = row.original;
          const size = c.counts.total || c.group.size;
          return (
            <div className="w-full min-w-36 sm:w-48">
              <CampaignProgress label={`Progress of ${c.name}`} progress={c.progress} counts={c.counts} size="sm" />
              <p className="mt-1 text-xs text-zinc-500 tabular-nums">
                {Math.round(c.progress * 100)} % · {c.counts.sent.toLocaleString('en')} of {size.toLocaleString('en')} sent
                {c.counts.failed + c.counts.invalid > 0 && <span className="text-red-700"> · {(c.counts.failed + c.counts.invalid).toLocaleString('en')} failed</span>}
              </p>
            </div>
          );
        },
      },
      { id: 'cpm', enableSorting: false, header: 'Pace', meta: { className: 'whitespace-nowrap tabular-nums text-zinc-600', priority: 'low' }, cell: ({ row }) => `${row.original.cpm.toLocaleString('en')}/min` },
      { id: 'createdAt', header: 'Created', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => new Date(row.original.createdAt).toLocaleDateString('en', { dateStyle: 'medium' }) },
    ],
    [organizationId],
  );
  if (organization.data && !allowed)
    return (
      <>
        <PageHeader eyebrow="Outreach" title="Campaigns" />
        <Alert tone="info">Your role cannot see campaigns. Ask an owner, admin or manager.</Alert>
      </>
    );
  const active = (list.filters.status ? 1 : 0) + (list.filters.search ? 1 : 0);
  const newLink = manage ? (
    <Link href={`/${organizationId}/campaigns/new`} className={buttonClass('primary')}>
      New campaign
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader eyebrow="Outreach" title="Campaigns" description="A program sent to every contact of a group, paced to so many messages a minute." action={newLink} />
      <Card>
        <CardHeader title={campaigns.data ? `${campaigns.data.count} ${campaigns.data.count === 1 ? 'campaign' : 'campaigns'}` : 'Campaigns'} />
        <FilterPanel active={active} columns="sm:grid-cols-2">
          <FilterChips label="Status" options={CAMPAIGN_STATUS_OPTIONS} value={list.filters.status} onCommit={(v) => list.setFilters({ status: v })} />
          <FilterText label="Search" placeholder="Campaign name" {...list.filter('search')} />
        </FilterPanel>
        <DataTable
          label="Campaigns"
          columns={columns}
          query={campaigns}
          rows={campaigns.data?.results}
          count={campaigns.data?.count}
          url={list}
          loadingLabel="Loading campaigns"
          getRowId={(c) => c.id}
          empty={
            <EmptyState
              icon={<CampaignIcon />}
              title={active ? 'No campaign matches' : 'No campaigns yet'}
              description={active ? 'Clear the filters to see every campaign.' : 'A campaign sends one program to every contact of a group, at the pace you choose, and reports each delivery.'}
              action={active ? undefined : newLink}
            />
          }
        />
      </Card>
    </>
  );
}
