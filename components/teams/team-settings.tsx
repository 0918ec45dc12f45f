'use client';
// A team's settings for its managers: its name, its people (roles, remove), pending invites (revoke) and inviting more.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Avatar } from '@/components/shell/avatar';
import { UsersIcon } from '@/components/shell/nav-icons';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DateText } from '@/components/ui/date-text';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { updateTeamInput, type InvitedDto, type TeamSettingsDto } from '@/server/domain/teams/team.schema';
import { InviteActions } from './invite-actions';
import { InviteForm } from './invite-form';
import { RemoveMemberDialog } from './remove-member-dialog';

type Member = TeamSettingsDto['members'][number];

export function TeamSettings({ organizationId, teamId }: { organizationId: string; teamId: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.teams.settings.queryOptions({ id: teamId }));
  const [removing, setRemoving] = useState<Member | null>(null);
  const [revoking, setRevoking] = useState<InvitedDto | null>(null);
  const [deletingTeam, setDeletingTeam] = useState(false);
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.teams.pathFilter()), queryClient.invalidateQueries(trpc.account.me.pathFilter())]);

  const setRole = useMutation(trpc.teams.update.mutationOptions({ onSuccess: refresh, onError: (e) => toast(readServerError(e).message, 'error') }));
  const remove = useMutation(
    trpc.teams.removeMember.mutationOptions({
      onSuccess: async (result) => {
        toast(`${removing?.firstName} ${removing?.lastName} removed from the team${result.purgedSessions ? ` and ${result.purgedSessions} sessions deleted` : ''}`);
        setRemoving(null);
        await Promise.all([refresh(), queryClient.invalidateQueries(trpc.sessions.pathFilter())]);
      },
    }),
  );
  const revoke = useMutation(
    trpc.invites.revoke.mutationOptions({
      onSuccess: async () => {
        toast(`Invite to ${revoking?.email} revoked`);
        setRevoking(null);
        await refresh();
      },
    }),
  );
  const deleteTeam = useMutation(
    trpc.teams.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast('Team deleted');
        router.push(`/${organizationId}/teams`);
      },
    }),
  );

  const s = settings.data;
  if (settings.isError) {
    return (
      <>
        <PageHeader eyebrow="Team settings" title="Team settings" />
        <QueryError
          error={settings.error}
          onRetry={() => void settings.refetch()}
          title="These settings could not be opened"
          refusal={{
            forbidden: 'Only the team’s managers change its settings',
            notFound: 'This team does not exist, or it is not in this organization',
            back: { href: `/${organizationId}/teams`, label: 'Back to teams' },
          }}
        />
      </>
    );
  }
  const managerIds = s?.members.filter((m) => m.role === 'manager').map((m) => m.id) ?? [];
  const changeRole = (m: Member, role: string) =>
    setRole.mutate({ id: teamId, patch: { managerIds: role === 'manager' ? [...managerIds, m.id] : managerIds.filter((id) => id !== m.id) } });

  const memberColumns: DataTableColumn<Member>[] = [
    {
      id: 'name',
      header: 'Person',
      cell: ({ row: { original: m } }) => (
        <div className="flex items-center gap-3">
          <Avatar name={`${m.firstName} ${m.lastName}`} image={m.image} className="size-8" />
          <div className="min-w-0">
            <Link href={`/${organizationId}/people/${m.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
              {m.firstName} {m.lastName}
            </Link>
            <p className="truncate text-xs text-zinc-500">{m.email}</p>
          </div>
        </div>
      ),
    },
    {
      id: 'role',
      header: 'Role',
      cell: ({ row: { original: m } }) => (
        <Select aria-label={`Role of ${m.firstName} ${m.lastName}`} value={m.role} disabled={setRole.isPending} onChange={(e) => changeRole(m, e.target.value)} className="w-32">
          <option value="member">Member</option>
          <option value="manager">Manager</option>
        </Select>
      ),
    },
    { id: 'sessions', header: 'Sessions', meta: { align: 'right', priority: 'low' }, cell: ({ row }) => row.original.sessions },
    { id: 'joinedAt', header: 'Joined', meta: { priority: 'low' }, cell: ({ row }) => <DateText value={row.original.joinedAt} /> },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { align: 'right' },
      cell: ({ row: { original: m } }) => (
        <Button variant="danger-ghost" size="sm" aria-label={`Remove ${m.firstName} ${m.lastName}`} onClick={() => (remove.reset(), setRemoving(m))}>
          Remove
        </Button>
      ),
    },
  ];
  const inviteColumns: DataTableColumn<InvitedDto>[] = [
    { id: 'email', header: 'Email', cell: ({ row }) => <span className="font-medium break-all text-zinc-900">{row.original.email}</span> },
    { id: 'role', header: 'Role', meta: { priority: 'low' }, cell: ({ row }) => (row.original.role === 'manager' ? 'Manager' : 'Member') },
    { id: 'status', header: 'Status', cell: ({ row }) => (row.original.status === 'expired' ? <Badge tone="warning">Expired</Badge> : <Badge tone="accent">Pending</Badge>) },
    { id: 'expiresAt', header: 'Expires', meta: { priority: 'low' }, cell: ({ row }) => <DateText value={row.original.expiresAt} /> },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { align: 'right' },
      cell: ({ row: { original: inv } }) => <InviteActions invite={inv} onRevoke={() => (revoke.reset(), setRevoking(inv))} />,
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[{ href: `/${organizationId}/teams`, label: 'Teams' }, { href: `/${organizationId}/teams/${teamId}`, label: s?.name ?? 'Team' }, { label: 'Settings' }]}
        eyebrow="Team settings"
        title={s?.name ?? 'Team'}
        description="People on the team, invites, and the team’s name."
        action={
          <Link href={`/${organizationId}/teams/${teamId}`} className={buttonClass('secondary')}>
            Dashboard
          </Link>
        }
      />
      <div className="space-y-8">
        <Card aria-labelledby="invite-title">
          <CardHeader id="invite-title" title="Invite people" description="Each person gets an email with a link to join this team." />
          <CardBody>{s && <InviteForm teamId={teamId} teamName={s.name} />}</CardBody>
        </Card>
        <Card aria-labelledby="people-title">
          <CardHeader id="people-title" title="People" description={s ? `${s.members.length} on this team` : undefined} />
          <DataTable
            label="People on the team"
            columns={memberColumns}
            query={settings}
            rows={s?.members}
            getRowId={(m) => m.id}
            loadingLabel="Loading people"
            empty={<EmptyState icon={<UsersIcon />} title="Nobody on this team yet" description="Invite your reps above." />}
          />
        </Card>
        <Card aria-labelledby="invites-title">
          <CardHeader id="invites-title" title="Pending invites" description="Not accepted yet. Copy a link to hand it over yourself, send it again, or revoke it to stop its link working." />
          <DataTable
            label="Pending invites"
            columns={inviteColumns}
            query={settings}
            rows={s?.invited}
            getRowId={(i) => i.id}
            loadingLabel="Loading invites"
            empty={<p className="px-6 py-5 text-sm text-zinc-500">No invites waiting.</p>}
          />
        </Card>
        {s && <RenameTeam teamId={teamId} name={s.name} onDelete={() => (deleteTeam.reset(), setDeletingTeam(true))} />}
      </div>
      <RemoveMemberDialog
        member={removing && { id: removing.id, name: `${removing.firstName} ${removing.lastName}`, sessions: removing.sessions }}
        teamName={s?.name ?? ''}
        busy={remove.isPending}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => setRemoving(null)}
        onConfirm={(purge) => removing && remove.mutate({ teamId, userId: removing.id, purge })}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the invite to ${revoking?.email ?? ''}?`}
        description="The link in their email stops working. You can invite them again later."
        confirmLabel="Revoke invite"
        busy={revoke.isPending}
        error={revoke.error ? readServerError(revoke.error).message : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
      <ConfirmDialog
        open={deletingTeam}
        title={`Delete the team “${s?.name ?? ''}”?`}
        description="Its people stay in the organization and keep their sessions; pending invites stop working."
        confirmLabel="Delete team"
        busy={deleteTeam.isPending}
        error={deleteTeam.error ? readServerError(deleteTeam.error).message : null}
        onCancel={() => setDeletingTeam(false)}
        onConfirm={() => deleteTeam.mutate({ id: teamId })}
      />
    </>
  );
}

function RenameTeam({ teamId, name, onDelete }: { teamId: string; name: string; onDelete: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.teams.update.mutationOptions());
  const form = useZodForm({
    schema: updateTeamInput,
    initialValues: { name },
    onSubmit: async (patch) => {
      await update.mutateAsync({ id: teamId, patch });
      await queryClient.invalidateQueries(trpc.teams.pathFilter());
      toast('Team renamed');
    },
  });
  return (
    <Card aria-labelledby="team-name-title">
      <CardHeader id="team-name-title" title="Team" />
      <CardBody className="space-y-6">
        <form noValidate onSubmit={form.handleSubmit} className="flex flex-wrap items-start gap-3">
          {form.formError && <Alert tone="error" className="w-full">{form.formError}</Alert>}
          <FormField id={form.id('name')} label="Team name" error={form.error('name')} className="min-w-60 flex-1">
            <Input {...form.text('name')} autoComplete="off" />
          </FormField>
          <Button type="submit" busy={form.submitting} className="sm:mt-7">
            Rename
          </Button>
        </form>
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50/50 px-4 py-3">
          <p className="text-sm text-zinc-700">Deleting the team keeps its people and their sessions.</p>
          <Button variant="danger" size="sm" onClick={onDelete}>
            Delete team
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
