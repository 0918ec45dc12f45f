'use client';
// A team's dashboard for its managers: each member's average score, sessions, last activity and trend, sortable
// (the order lives in the URL), with a drill-down into each member's sessions.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useRealtimeEvent } from '@/components/realtime/realtime-provider';
import Link from 'next/link';
import { scoreTone, SCORE_TEXT } from '@/components/coaching/format';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { StatCard } from '@/components/coaching/stat-card';
import { useTRPC } from '@/components/providers/trpc';
import { Avatar } from '@/components/shell/avatar';
import { TeamIcon, TrendIcon, UsersIcon } from '@/components/shell/nav-icons';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import type { DashboardMemberDto } from '@/server/domain/teams/team.schema';
import { TrendCell } from './trend-cell';

export function TeamDashboard({ organizationId, teamId }: { organizationId: string; teamId: string }) {
  const trpc = useTRPC();
  const url = useTableUrlState({ defaultOrdering: 'name' });
  const dashboard = useQuery(trpc.teams.dashboard.queryOptions({ id: teamId, ordering: url.ordering }, { placeholderData: (p) => p }));
  const d = dashboard.data;
  // A member's new session: the query refreshes through live-queries; the row lights up and the news is announced.
  const [fresh, setFresh] = useState<{ userId: string; at: number } | null>(null);
  // (The member may have joined after this page loaded: the name is looked up once the refreshed list is in.)
  useRealtimeEvent('session.recorded', (e) => {
    const userId = (e.payload as { userId?: string }).userId;
    if (userId) setFresh({ userId, at: Date.now() });
  });
  useEffect(() => {
    if (!fresh) return;
    const t = window.setTimeout(() => setFresh(null), 15_000);
    return () => window.clearTimeout(t);
  }, [fresh]);
  const freshName = fresh && d?.members.find((m) => m.id === fresh.userId);
  const practised = d?.members.filter((m) => m.performance !== null) ?? [];
  const teamAverage = practised.length ? Math.round(practised.reduce((sum, m) => sum + m.performance!, 0) / practised.length) : null;
  const sessions = d?.members.reduce((sum, m) => sum + m.sessions, 0);

  const columns: DataTableColumn<DashboardMemberDto>[] = [
    {
      id: 'name',
      header: 'Member',
      meta: { primary: true },
      cell: ({ row: { original: m } }) => (
        <Link href={`/${organizationId}/people/${m.id}`} className="group flex items-center gap-3">
          <Avatar name={`${m.firstName} ${m.lastName}`} image={m.image} className="size-8" />
          <span className="min-w-0">
            <span className="block font-medium text-zinc-900 group-hover:text-accent-700 group-hover:underline">
              {m.firstName} {m.lastName}
            </span>
            {m.role === 'manager' && <Badge className="mt-0.5">Manager</Badge>}
          </span>
        </Link>
      ),
    },
    {
      id: 'performance',
      header: 'Average score',
      meta: { align: 'right', primary: true },
      sortDescFirst: true,
      cell: ({ row: { original: m } }) => (m.performance === null ? <span className="text-zinc-500">—</span> : <span className={`font-semibold ${SCORE_TEXT[scoreTone(m.performance)]}`}>{Math.round(m.performance)}</span>),
    },
    { id: 'sessions', header: 'Sessions', meta: { align: 'right', priority: 'low', primary: true }, sortDescFirst: true, cell: ({ row }) => row.original.sessions },
    { id: 'lastActivity', header: 'Last activity', sortDescFirst: true, meta: { priority: 'low' }, cell: ({ row }) => <DateText value={row.original.lastActivity} fallback="No sessions yet" /> },
    {
      id: 'trend',
      header: 'Trend',
      meta: { align: 'right', primary: true },
      sortDescFirst: true,
      cell: ({ row: { original: m } }) => <TrendCell trend={m.trend} scores={m.recentScores} name={`${m.firstName} ${m.lastName}`} />,
    },
  ];

  if (dashboard.isError && !d) {
    return (
      <>
        <PageHeader eyebrow="Team" title="Team dashboard" />
        <QueryError
          error={dashboard.error}
          onRetry={() => void dashboard.refetch()}
          title="This dashboard could not be opened"
          refusal={{
            forbidden: 'Only the team’s managers see this dashboard',
            notFound: 'This team does not exist, or it is not in this organization',
            back: { href: `/${organizationId}/teams`, label: 'Back to teams' },
          }}
        />
      </>
    );
  }
  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: `/${organizationId}/teams`, label: 'Teams' }, { label: d?.name ?? 'Team' }]}
        eyebrow="Team dashboard"
        title={d?.name ?? 'Team'}
        description="How each member is practising. Open a member to see their sessions."
        action={
          <Link href={`/${organizationId}/teams/${teamId}/settings`} className={buttonClass('secondary')}>
            Team settings
          </Link>
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Members" value={d?.members.length} icon={<UsersIcon />} caption={d && `${practised.length} practised so far`} />
        <StatCard label="Sessions" value={sessions} icon={<TeamIcon />} caption="Recorded by the team" />
        <StatCard label="Team average" value={d ? teamAverage : undefined} icon={<TrendIcon />} caption={d && (teamAverage === null ? 'No scores yet' : 'Mean of members’ averages')} />
      </div>
      <Card aria-labelledby="members-title" className="mt-8">
        <CardHeader
          id="members-title"
          title="Members"
          description="Sort by any column. New sessions show up here as they are recorded."
          action={
            <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-700">
              {freshName ? `New session from ${freshName.firstName} ${freshName.lastName}` : ''}
            </p>
          }
        />
        <DataTable
          label="Team members"
          columns={columns}
          query={dashboard}
          rows={d?.members}
          getRowId={(m) => m.id}
          url={url}
          rowClassName={(m) => (fresh?.userId === m.id ? 'bg-emerald-50 transition-colors' : 'transition-colors')}
          loadingLabel="Loading the team"
          empty={
            <EmptyState
              icon={<UsersIcon />}
              title="Nobody on this team yet"
              description="Invite your reps from the team settings."
              action={
                <Link href={`/${organizationId}/teams/${teamId}/settings`} className={buttonClass('primary')}>
                  Invite people
                </Link>
              }
            />
          }
        />
      </Card>
    </>
  );
}
