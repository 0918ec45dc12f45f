'use client';
// A person's practice sessions: filters (module, date range) kept in the URL, the score trend for those filters and
// the sortable, paged list, each session opening its review.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { formatDuration } from '@/components/coaching/format';
import { Badge } from '@/components/ui/badge';
import { ScoreBadge } from '@/components/coaching/score-badge';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { filterCheck } from '@/components/data-table/filter-problems';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { FieldError } from '@/components/ui/field-error';
import { Alert } from '@/components/ui/alert';
import { z } from 'zod';
import { useTRPC } from '@/components/providers/trpc';
import { MicIcon } from '@/components/shell/nav-icons';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { SessionSummaryDto } from '@/server/domain/sessions/session.schema';
import { ModuleFilter } from './module-filter';
import { ScoreTrendChart } from './score-trend-chart';

const WHEN = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
// The list's own filters as the session query's schema reads them (module is its moduleId).
const checkFilters = filterCheck(z.object({ module: z.uuid('Choose a module from the list').optional() }));
const FILTER_LABELS: Record<string, string> = { module: 'Module', from: 'From', to: 'To' };

export function SessionsExplorer({ organizationId, userId, own }: { organizationId: string; userId: string; own: boolean }) {
  const trpc = useTRPC();
  const url = useTableUrlState({ defaultOrdering: '-recordedAt', filterNames: ['module', 'from', 'to'], check: checkFilters });
  // Days in the filter are the viewer's days.
  const [tz] = useState(() => (typeof window === 'undefined' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone));
  const { module, from, to } = url.filters;
  const query = useMemo(() => ({ userId, tz, ...(module && { moduleId: module }), ...(from && { from }), ...(to && { to }) }), [userId, tz, module, from, to]);
  const sessions = useQuery(trpc.sessions.list.queryOptions({ limit: url.limit, offset: url.offset, ordering: url.ordering, query }, { placeholderData: (p) => p }));
  const filtered = Boolean(module || from || to);

  const columns: DataTableColumn<SessionSummaryDto>[] = [
    {
      id: 'recordedAt',
      header: 'Recorded',
      sortDescFirst: true,
      meta: { primary: true },
      cell: ({ row: { original: s } }) => (
        <Link href={`/${organizationId}/sessions/${s.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
          {WHEN.format(new Date(s.recordedAt))}
        </Link>
      ),
    },
    {
      id: 'module',
      header: 'Module',
      enableSorting: false,
      meta: { primary: true },
      cell: ({ row: { original: s } }) => (
        <div className="min-w-0">
          <p className="flex items-center gap-2 wrap-anywhere text-zinc-900">
            {s.callId && <Badge tone="accent">Call</Badge>}
            {s.module.name}
          </p>
          <p className="text-xs text-zinc-500">{s.callId ? 'Recorded live call' : s.product.name}</p>
        </div>
      ),
    },
    {
      id: 'opportunity',
      header: 'Opportunity',
      enableSorting: false,
      meta: { priority: 'low', primary: true, className: 'max-w-56' },
      cell: ({ row }) => (row.original.opportunity ? <span className="line-clamp-2 wrap-anywhere">{row.original.opportunity}</span> : <span className="text-zinc-500">—</span>),
    },
    { id: 'duration', header: 'Length', meta: { align: 'right', primary: true }, sortDescFirst: true, cell: ({ row }) => formatDuration(row.original.duration) },
    { id: 'score', header: 'Score', meta: { align: 'right', primary: true }, sortDescFirst: true, cell: ({ row }) => <ScoreBadge score={row.original.score} status={row.original.transcriptStatus} /> },
  ];

  return (
    <div className="space-y-8">
      <Card aria-labelledby="filters-title">
        <CardHeader id="filters-title" title="Score trend" description={filtered ? 'For the sessions matching the filters.' : 'Every scored session.'} />
        <CardBody className="space-y-6">
          {url.ignored.length > 0 && (
            <Alert tone="warning" title="Part of this link was ignored">
              {url.ignored.map((f) => `${FILTER_LABELS[f.name] ?? f.name}: ${f.message}`).join('; ')}
            </Alert>
          )}
          <form className="grid gap-4 sm:grid-cols-[1fr_auto_auto_auto] sm:items-start" onSubmit={(e) => e.preventDefault()} aria-label="Filter sessions">
            <div className="space-y-1.5">
              <Label htmlFor="filter-module">Module</Label>
              <ModuleFilter id="filter-module" value={module ?? ''} onChange={(e) => url.setFilters({ module: e.target.value || null })} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="filter-from">From</Label>
              <Input id="filter-from" type="date" value={from ?? ''} max={to} aria-invalid={url.problems.from ? true : undefined} aria-describedby={url.problems.from ? 'filter-from-error' : undefined} onChange={(e) => url.setFilters({ from: e.target.value || null })} />
              <FieldError id="filter-from-error" message={url.problems.from} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="filter-to">To</Label>
              <Input id="filter-to" type="date" value={to ?? ''} min={from} aria-invalid={url.problems.to ? true : undefined} aria-describedby={url.problems.to ? 'filter-to-error' : undefined} onChange={(e) => url.setFilters({ to: e.target.value || null })} />
              <FieldError id="filter-to-error" message={url.problems.to} />
            </div>
            <Button variant="ghost" className="sm:mt-7" disabled={!filtered} onClick={() => url.setFilters({ module: null, from: null, to: null })}>
              Clear filters
            </Button>
          </form>
          <ScoreTrendChart query={query} title="Score trend" />
        </CardBody>
      </Card>
      <Card aria-labelledby="sessions-title">
        <CardHeader id="sessions-title" title="Sessions" description={sessions.data ? `${sessions.data.count} ${filtered ? 'matching ' : ''}${sessions.data.count === 1 ? 'session' : 'sessions'}` : undefined} />
        <DataTable
          label="Sessions"
          columns={columns}
          query={sessions}
          rows={sessions.data?.results}
          count={sessions.data?.count}
          getRowId={(s) => s.id}
          url={url}
          loadingLabel="Loading sessions"
          empty={
            <EmptyState
              icon={<MicIcon />}
              title={filtered ? 'No sessions match' : own ? 'No practice sessions yet' : 'No sessions yet'}
              description={filtered ? 'Try another module or dates, or clear the filters.' : own ? 'Pick a module and record your first pitch: you get a score and coaching right away.' : 'Nothing recorded yet.'}
              action={
                !filtered &&
                own && (
                  <Link href={`/${organizationId}/practice`} className={buttonClass('primary')}>
                    Start practising
                  </Link>
                )
              }
            />
          }
        />
      </Card>
    </div>
  );
}
