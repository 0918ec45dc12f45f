'use client';
// The organization's members with their photos and roles; owners and admins change roles inline and remove members,
// everyone may leave, except that the only owner is offered neither leaving nor a role change (both can only be
// refused) but told how to get there. The server's refusals still show above the table or in the dialog.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { Avatar } from '@/components/shell/avatar';
import { ROLE_NAMES } from '@/components/shell/role-names';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DateText } from '@/components/ui/date-text';
import { Spinner } from '@/components/ui/spinner';
import { RoleSelect } from '@/components/users/role-select';
import { stickyEndCell, TableScroller } from '@/components/ui/table-scroller';
import { toastAfterNavigation, useToast } from '@/components/ui/toast';
import type { MemberDto } from '@/server/domain/organizations/organization.schema';
import { QueryState } from '@/components/ui/query-state';

export function MembersTable({ organizationName, myRole, canManage, usersHref }: { organizationName: string; myRole: MemberDto['role'] | null; canManage: boolean; usersHref: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const members = useQuery(trpc.organization.members.queryOptions());
  const me = useQuery(trpc.account.me.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const change = useMutation(
    trpc.organization.changeMemberRole.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: async (list, input) => {
        await writeQueryData(queryClient, trpc.organization.members.queryKey(), list);
        // A changed role can change what the signed-in user may do.
        void queryClient.invalidateQueries(trpc.organization.get.queryFilter());
        void queryClient.invalidateQueries(trpc.account.pathFilter());
        const who = list.find((m) => m.id === input.membershipId);
        const roleName = who?.customRole ? `“${who.customRole.name}”` : who ? ROLE_NAMES[who.role].toLowerCase() : 'changed';
        toast(`${who ? `${who.firstName} ${who.lastName}` : 'Member'} is now ${roleName}`);
      },
      onError: (e) => setError(readServerError(e).message),
    }),
  );
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const remove = useMutation(
    trpc.organization.removeMember.mutationOptions({
      onSuccess: async ({ left }) => {
        // Whoever leaves has nothing more to see here: a full load of / takes them to their next organization.
        if (left) {
          toastAfterNavigation(`You left ${organizationName}`);
          return window.location.assign('/');
        }
        toast(`${removing ? `${removing.firstName} ${removing.lastName}` : 'The member'} was removed from ${organizationName}`);
        setRemoving(null);
        await Promise.all([
          queryClient.invalidateQueries(trpc.organization.members.queryFilter()),
          queryClient.invalidateQueries(trpc.statistics.pathFilter()),
          queryClient.invalidateQueries(trpc.audit.pathFilter()),
        ]);
      },
    }),
  );

  const isOwner = myRole === 'owner';
  const myId = me.data?.id;
  const leaving = !!removing && removing.userId === myId;
  const removingName = removing ? `${removing.firstName} ${removing.lastName}` : '';

  return (
    <Card aria-labelledby="members-title">
      <CardHeader
        id="members-title"
        title="Members"
        description={canManage ? 'Change what each person can do, or remove them. Only owners can grant the owner role or remove an owner.' : 'People in this organization and their roles.'}
        action={
          <Link href={usersHref} className={buttonClass('secondary', 'sm')}>
            {canManage ? 'Add users, grant permissions' : 'All users'}
          </Link>
        }
      />
      {error && (
        <div className="px-6 pt-5">
          <Alert tone="error" title="The role was not changed">
            {error}
          </Alert>
        </div>
      )}
      <QueryState query={members} loadingLabel="Loading members" rows={3} frame="inset">{(memberList) => {
        const owners = memberList.filter((m) => m.role === 'owner').length;
        return (
        <TableScroller label="Members">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-100 text-xs font-medium text-zinc-500">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium sm:px-6">Member</th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell sm:px-6">Role</th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Joined</th>
                <th scope="col" className={`px-4 py-3 sm:px-6 ${stickyEndCell}`}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {memberList.map((m) => {
                const name = `${m.firstName} ${m.lastName}`;
                const isMe = m.userId === myId;
                // The only owner can neither step down nor leave: offering either would only end in a refusal.
                const soleOwner = m.role === 'owner' && owners === 1;
                const locked = !canManage || (m.role === 'owner' && !isOwner) || soleOwner;
                const busy = change.isPending && change.variables?.membershipId === m.id;
                // Owners are removed only by owners; the server checks again, and keeps the last owner.
                const canRemove = !soleOwner && (isMe || (canManage && (m.role !== 'owner' || isOwner)));
                const role = locked ? (
                        <div className="space-y-1">
                          <Badge tone={m.role === 'owner' ? 'accent' : m.customRole ? 'success' : 'neutral'}>{m.customRole?.name ?? ROLE_NAMES[m.role]}</Badge>
                          {soleOwner && <p className="text-xs whitespace-nowrap text-zinc-500">Only owner</p>}
                        </div>
                      ) : (
                        <div className="flex items-center gap-2">
                          <RoleSelect label={`Role of ${name}`} className="w-36" value={m.customRole?.id ?? m.role} disabled={change.isPending} onChange={(role) => change.mutate({ membershipId: m.id, role })} />
                          {busy && <Spinner label="Saving role" className="text-zinc-500" />}
                        </div>
                      );
                return (
                  <tr key={m.id}>
                    <td className="px-4 py-3 sm:px-6">
                      <div className="flex items-center gap-3">
                        <Avatar name={name} image={m.image} />
                        <div className="min-w-0">
                          <p className="max-w-40 truncate font-medium text-zinc-900 sm:max-w-72">
                            {name} {isMe && <Badge className="ml-1">You</Badge>}
                          </p>
                          <p className="max-w-40 truncate text-zinc-500 sm:max-w-72">{m.email}</p>
                        </div>
                      </div>
                      {/* On a phone the role sits under the name, so name, role and action fit the screen. */}
                      <div className="mt-2 pl-11 sm:hidden">{role}</div>
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell sm:px-6">
                      {role}
                    </td>
                    <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-500 sm:table-cell">
                      <DateText value={m.joinedAt} />
                    </td>
                    <td className={`px-4 py-2 text-right sm:px-6 ${stickyEndCell}`}>
                      {canRemove && myId && (
                        <Button variant="danger-ghost" size="sm" onClick={() => (remove.reset(), setRemoving(m))} aria-label={isMe ? 'Leave organization' : `Remove ${name}`}>
                          {isMe ? 'Leave' : 'Remove'}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroller>
        );
      }}</QueryState>
      {isOwner && <SoleOwnerNote members={members.data} myId={myId} />}
      <ConfirmDialog
        open={removing !== null}
        title={leaving ? `Leave ${organizationName}?` : `Remove ${removingName}?`}
        description={
          leaving
            ? 'You lose access to this organization at once. To come back, an owner or admin has to add you again.'
            : `${removingName} loses access to ${organizationName} at once. Their account and what they made stay; API keys they created stop working.`
        }
        confirmLabel={leaving ? 'Leave organization' : 'Remove member'}
        busy={remove.isPending || (remove.isSuccess && remove.data.left)}
        error={remove.error ? readServerError(remove.error).message : null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ membershipId: removing.id })}
      />
    </Card>
  );
}

/** Where the only owner learns why there is no Leave button, and what would make one appear. */
function SoleOwnerNote({ members, myId }: { members: MemberDto[] | undefined; myId: string | undefined }) {
  const owners = members?.filter((m) => m.role === 'owner') ?? [];
  if (owners.length !== 1 || owners[0]!.userId !== myId) return null;
  const others = members!.length > 1;
  return (
    <p className="border-t border-zinc-100 px-4 py-3 text-sm text-zinc-600 sm:px-6">
      You are the only owner, so you cannot leave or change your own role.{' '}
      {others ? 'Make another member an owner first; then you can step down or leave.' : 'Once someone else has joined, make them an owner to be able to leave.'} To close the
      organization instead, delete it below.
    </p>
  );
}
