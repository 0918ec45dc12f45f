'use client';
// The signed-in person (name and email) with links to their account and to sign out. `compact` is the phone's top-bar
// version: just the picture, its menu opening below.
import { useQuery } from '@tanstack/react-query';
import { signOutHere } from '@/components/auth/sign-out';
import { useConfirmLeave } from '@/components/forms/unsaved-changes';
import { useTRPC } from '@/components/providers/trpc';
import { Menu } from '@/components/ui/menu';
import { Skeleton } from '@/components/ui/skeleton';
import { Avatar } from './avatar';
import { ChevronUpDownIcon } from './nav-icons';

export function UserMenu({ organizationId, compact }: { organizationId: string; compact?: boolean }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const confirmLeave = useConfirmLeave();
  if (!me.data) {
    return compact ? (
      <Skeleton className="size-9 rounded-full" />
    ) : (
      <div className="flex h-12 items-center gap-3 px-2">
        <Skeleton className="size-8 rounded-full" />
        <Skeleton className="h-4 flex-1" />
      </div>
    );
  }
  const name = `${me.data.firstName} ${me.data.lastName}`.trim();
  return (
    <Menu
      triggerLabel={`Account menu for ${name}`}
      triggerClassName={compact ? 'flex size-10 items-center justify-center rounded-full hover:bg-zinc-100' : 'flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-zinc-100'}
      placement={compact ? 'below' : 'above'}
      align={compact ? 'end' : 'start'}
      entries={[
        { kind: 'section', key: 'who', label: <span className="block truncate">Signed in as {me.data.email}</span> },
        { kind: 'item', key: 'account', label: 'Account settings', href: `/${organizationId}/account` },
        { kind: 'item', key: 'docs', label: 'API reference', href: '/docs/api' },
        { kind: 'separator', key: 'sep' },
        { kind: 'item', key: 'sign-out', label: 'Sign out', onSelect: () => void confirmLeave().then((leave) => (leave ? signOutHere() : undefined)) },
      ]}
      trigger={
        compact ? (
          <Avatar name={name} image={me.data.image} />
        ) : (
          <>
            <Avatar name={name} image={me.data.image} />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium text-zinc-900">{name}</span>
              <span className="block truncate text-xs text-zinc-500">{me.data.email}</span>
            </span>
            <ChevronUpDownIcon />
          </>
        )
      }
    />
  );
}
