'use client';
// /{org}/messages: the message library — SMS texts, email templates, voice recordings and fax documents — one tab each
// (each its own address: /messages/texts, /templates, /recordings, /documents), each a list that opens its editor.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { MessageIcon } from '@/components/contacts/icons';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterPanel, FilterText } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { LIBRARY_ORDERING, type LibraryOrderingField } from '@/server/domain/library/library.schema';

export const TABS = [
  { id: 'texts', label: 'SMS texts', one: 'SMS text', noun: 'text', blurb: 'Short messages with merge fields, counted in SMS parts as you write.' },
  { id: 'templates', label: 'Email templates', one: 'email template', noun: 'template', blurb: 'HTML emails with a plain-text version and an attachment.' },
  { id: 'recordings', label: 'Voice recordings', one: 'voice recording', noun: 'recording', blurb: 'WAV recordings played on voice calls.' },
  { id: 'documents', label: 'Fax documents', one: 'fax document', noun: 'document', blurb: 'PDF documents sent by fax.' },
] as const;
export type LibraryTab = (typeof TABS)[number]['id'];

type Row = { id: string; name: string; description: string | null; updatedAt: string; programCount: number; detail: string };

export function LibraryPage({ organizationId, tab }: { organizationId: string; tab: LibraryTab }) {
  const trpc = useTRPC();
  const spec = TABS.find((t) => t.id === tab)!;
  const { can, organization } = useOrganizationAccess();
  const allowed = can('messages:read');
  const list = useTableUrlState<LibraryOrderingField>({ prefix: tab, defaultOrdering: 'name', sortable: LIBRARY_ORDERING, filterNames: ['search'], limit: 25 });
  const input = { limit: list.limit, offset: list.offset, ordering: list.ordering, search: list.filters.search };
  const opts = { placeholderData: keepPreviousData, enabled: allowed } as const;
  const texts = useQuery(trpc.library.texts.queryOptions(input, { ...opts, enabled: allowed && tab === 'texts' }));
  const templates = useQuery(trpc.library.templates.queryOptions(input, { ...opts, enabled: allowed && tab === 'templates' }));
  const items = useQuery(trpc.library.items.queryOptions({ ...input, kind: tab === 'documents' ? 'document' : 'recording' }, { ...opts, enabled: allowed && (tab === 'recordings' || tab === 'documents') }));
  const query = tab === 'texts' ? texts : tab === 'templates' ? templates : items;
  const data = query.data as { count: number; results: Array<Record<string, unknown>> } | undefined;
  const rows: Row[] | undefined = data?.results.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    description: r.description as string | null,
    updatedAt: r.updatedAt as string,
    programCount: r.programCount as number,
    detail:
      tab === 'texts' ? `${r.encoding} · ${r.segments} ${r.segments === 1 ? 'part' : 'parts'}`
      : tab === 'templates' ? `${r.subject}${r.attachment ? ' · with attachment' : ''}`
      : r.hasMedia ? `${Math.round(((r.size as number) ?? 0) / 1024).toLocaleString('en')} KB${tab === 'recordings' && r.duration ? ` · ${r.duration} s` : ''}` : 'No file yet',
  }));

  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        sortDescFirst: false,
        cell: ({ row }) => (
          <div className="min-w-44">
            <Link href={`/${organizationId}/messages/${tab}/${row.original.id}`} className="font-medium break-words text-zinc-900 hover:underline">{row.original.name}</Link>
            {row.original.description && <p className="line-clamp-1 break-words text-xs text-zinc-500">{row.original.description}</p>}
          </div>
        ),
      },
      { id: 'detail', enableSorting: false, header: tab === 'templates' ? 'Subject' : 'Details', meta: { className: 'max-w-72 truncate text-zinc-600' }, cell: ({ row }) => row.original.detail },
      { id: 'programs', enableSorting: false, header: 'Programs', meta: { priority: 'low' }, cell: ({ row }) => (row.original.programCount > 0 ? <Badge tone="accent">{row.original.programCount} using it</Badge> : <span className="text-zinc-400">—</span>) },
      { id: 'updatedAt', header: 'Changed', meta: { className: 'whitespace-nowrap text-zinc-500', priority: 'low' }, cell: ({ row }) => new Date(row.original.updatedAt).toLocaleDateString('en', { dateStyle: 'medium' }) },
    ],
    [organizationId, tab],
  );

  if (organization.data && !allowed) return <><PageHeader eyebrow="Outreach" title="Messages" /><Alert tone="info">Your role cannot see the message library. Ask an owner, admin or manager.</Alert></>;
  return (
    <>
      <PageHeader
        eyebrow="Outreach"
        title="Messages"
        description="What your programs send: texts, emails, recordings and documents."
        action={can('messages:manage') ? <Link href={`/${organizationId}/messages/${tab}/new`} className={buttonClass()}>New {spec.noun}</Link> : undefined}
      />
      <nav aria-label="Message kinds" className="mb-6 flex gap-1 overflow-x-auto border-b border-zinc-200">
        {TABS.map((t) => (
          <Link
            key={t.id}
            href={`/${organizationId}/messages/${t.id}`}
            aria-current={t.id === tab ? 'page' : undefined}
            className={cx('-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap', t.id === tab ? 'border-accent-600 text-accent-700' : 'border-transparent text-zinc-600 hover:text-zinc-900')}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <Card>
        <CardHeader title={data ? `${data.count} ${data.count === 1 ? spec.one : spec.id === 'texts' ? spec.label : spec.label.toLowerCase()}` : spec.label} description={spec.blurb} />
        <FilterPanel active={list.filters.search ? 1 : 0} columns="sm:grid-cols-2">
          <FilterText label="Search" value={list.filters.search} onCommit={(v) => list.setFilters({ search: v })} placeholder="Name" />
        </FilterPanel>
        <DataTable
          label={spec.label}
          columns={columns}
          query={query}
          rows={rows}
          count={data?.count}
          url={list}
          loadingLabel={`Loading ${spec.label.toLowerCase()}`}
          getRowId={(r) => r.id}
          rowClassName={() => 'hover:bg-zinc-50/60'}
          empty={
            <EmptyState
              icon={<MessageIcon />}
              title={list.filters.search ? `No ${spec.noun} matches` : `No ${spec.id === 'texts' ? spec.label : spec.label.toLowerCase()} yet`}
              description={list.filters.search ? 'Try another name.' : spec.blurb}
              action={can('messages:manage') && !list.filters.search ? <Link href={`/${organizationId}/messages/${tab}/new`} className={buttonClass('secondary')}>New {spec.noun}</Link> : undefined}
            />
          }
        />
      </Card>
    </>
  );
}
