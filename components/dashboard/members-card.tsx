'use client';
// The dashboard's first card: who is in the organization (the first few, with photos and roles) and how many.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/providers/trpc';
import { Avatar } from '@/components/shell/avatar';
import { ROLE_NAMES } from '@/components/shell/role-names';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { QueryState } from '@/components/ui/query-state';

const SHOWN = 5;

export function MembersCard({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.organization.members.queryOptions());
  const count = members.data?.length;
  return (
    <Card aria-labelledby="dashboard-members-title">
      <CardHeader
        id="dashboard-members-title"
        title="Members"
        description={count === undefined ? undefined : count === 1 ? 'Just you so far.' : `${count} people in this organization.`}
        action={
          <Link href={`/${organizationId}/settings/organization#members-title`} className={buttonClass('secondary', 'sm')}>
            {canManage ? 'Manage' : 'View all'}
          </Link>
        }
      />
      <QueryState query={members} loadingLabel="Loading members" rows={3} frame="inset">
        {(list) => (
          <ul className="divide-y divide-zinc-100">
            {list.slice(0, SHOWN).map((m) => {
              const name = `${m.firstName} ${m.lastName}`.trim();
              return (
                <li key={m.id} className="flex items-center gap-3 px-6 py-3">
                  <Avatar name={name} image={m.image} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium text-zinc-900">{name}</p>
                    <p className="truncate text-sm text-zinc-500">{m.email}</p>
                  </div>
                  <Badge tone={m.role === 'owner' ? 'accent' : 'neutral'}>{m.customRole?.name ?? ROLE_NAMES[m.role]}</Badge>
                </li>
              );
            })}
            {list.length > SHOWN && <li className="px-6 py-3 text-sm text-zinc-600">and {list.length - SHOWN} more</li>}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}
