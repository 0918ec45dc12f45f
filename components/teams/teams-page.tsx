'use client';
// The teams page: every team with its managers and size; the ones you lead open on their dashboard.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { TeamIcon } from '@/components/shell/nav-icons';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import type { TeamDto } from '@/server/domain/teams/team.schema';
import { CreateTeamForm } from './create-team-form';

export function TeamsPage({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const { can } = useOrganizationAccess();
  const me = useQuery(trpc.account.me.queryOptions());
  const url = useTableUrlState({ defaultOrdering: 'name' });
  const teams = useQuery(trpc.teams.list.queryOptions({ limit: url.limit, offset: url.offset, ordering: url.ordering }, { placeholderData: (p) => p }));
  const admin = can('coaching:admin');
  const leads = (t: TeamDto) => admin || (me.data ? t.managerIds.includes(me.data.id) : false);
  const onTeam = (t: TeamDto) => me.data?.teams.some((x) => x.id === t.id) ?? false;
  const columns: DataTableColumn<TeamDto>[] = [
    {
      id: 'name',
      header: 'Team',
      cell: ({ row: { original: t } }) =>
        leads(t) ? (
          <Link href={`/${organizationId}/teams/${t.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
            {t.name}
          </Link>
        ) : (
          <span className="font-medium text-zinc-900">
            {t.name} {onTeam(t) && <Badge className="ml-1">Your team</Badge>}
          </span>
        ),
    },
    { id: 'managers', header: 'Managers', enableSorting: false, meta: { priority: 'low' }, cell: ({ row }) => row.original.managers.map((m) => `${m.firstName} ${m.lastName}`).join(', ') || <span className="text-zinc-500">None yet</span> },
    { id: 'members', header: 'People', enableSorting: false, meta: { align: 'right' }, cell: ({ row }) => row.original.memberCount },
    { id: 'createdAt', header: 'Created', meta: { priority: 'low' }, cell: ({ row }) => <DateText value={row.original.createdAt} /> },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: 'right' },
      cell: ({ row: { original: t } }) =>
        leads(t) && (
          <Link href={`/${organizationId}/teams/${t.id}/settings`} className="text-sm font-medium text-accent-600 hover:text-accent-700" aria-label={`Settings of ${t.name}`}>
            Settings
          </Link>
        ),
    },
  ];
  return (
    <>
      <PageHeader eyebrow="Coaching" title="Teams" description="Managers follow their team’s practice on the team dashboard." />
      <div className="space-y-8">
        {can('teams:create') && <CreateTeamForm organizationId={organizationId} />}
        <Card aria-labelledby="teams-title">
          <CardHeader id="teams-title" title="All teams" description={teams.data ? `${teams.data.count} ${teams.data.count === 1 ? 'team' : 'teams'}` : undefined} />
          <DataTable
            label="Teams"
            columns={columns}
            query={teams}
            rows={teams.data?.results}
            count={teams.data?.count}
            getRowId={(t) => t.id}
            url={url}
            loadingLabel="Loading teams"
            empty={<EmptyState icon={<TeamIcon />} title="No teams yet" description={can('teams:create') ? 'Create a team above, then invite your reps.' : 'A manager will add you to a team.'} />}
          />
        </Card>
      </div>
    </>
  );
}
