'use client';
// Shows the current organization and switches to another: makes it active on the server, then opens /{id}.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/components/providers/trpc';
import { Menu, type MenuEntry } from '@/components/ui/menu';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { readServerError } from '@/components/forms/server-error';
import { Initials } from './initials';
import { ChevronUpDownIcon } from './nav-icons';

const ROLE_NAMES = { owner: 'Owner', admin: 'Admin', manager: 'Manager', member: 'Member' } as const;

export function OrganizationSwitcher({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const organizations = useQuery(trpc.account.organizations.queryOptions());
  const makeActive = useMutation(
    trpc.account.makeActive.mutationOptions({
      onSuccess: (_, { id }) => router.push(`/${id}`),
      onError: (e) => toast(readServerError(e).message, 'error'),
    }),
  );

  const list = organizations.data?.results ?? [];
  const current = list.find((o) => o.id === organizationId);

  if (!current) {
    return (
      <div className="flex h-12 items-center gap-3 px-2">
        <Skeleton className="size-8" />
        <Skeleton className="h-4 flex-1" />
      </div>
    );
  }

  const entries: MenuEntry[] = [
    { kind: 'section', key: 'heading', label: 'Switch organization' },
    ...list.map(
      (o): MenuEntry => ({
        kind: 'item',
        key: o.id,
        label: o.name,
        checked: o.id === organizationId,
        onSelect: () => o.id !== organizationId && makeActive.mutate({ id: o.id }),
      }),
    ),
    { kind: 'separator', key: 'sep' },
    { kind: 'item', key: 'new', label: '+ Create organization', href: '/onboarding' },
  ];

  return (
    <Menu
      triggerLabel={`Organization: ${current.name}. Switch organization`}
      triggerClassName="flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left ring-1 ring-zinc-200 hover:bg-zinc-50"
      entries={entries}
      trigger={
        <>
          <Initials name={current.name} />
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-semibold text-zinc-900">{current.name}</span>
            <span className="block truncate text-xs text-zinc-500">{current.role ? ROLE_NAMES[current.role] : ''}</span>
          </span>
          <ChevronUpDownIcon />
        </>
      }
    />
  );
}
