'use client';
// Shows the current organization (logo, name, role) and switches to another: makes it active on the server, then
// opens /{id}. Unsaved input on the page is asked about first.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { readServerError } from '@/components/forms/server-error';
import { useConfirmLeave } from '@/components/forms/unsaved-changes';
import { useTRPC } from '@/components/providers/trpc';
import { Menu, type MenuEntry } from '@/components/ui/menu';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { ChevronUpDownIcon } from './nav-icons';
import { OrganizationLogo } from './organization-logo';
import { ROLE_NAMES } from './role-names';

export function OrganizationSwitcher({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const confirmLeave = useConfirmLeave();
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
      <div className="flex h-10 items-center gap-3 px-2 md:h-12">
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
        label: (
          <span className="flex min-w-0 items-center gap-2.5">
            <OrganizationLogo name={o.name} image={o.image} className="size-6 text-[10px]" />
            <span className="truncate">{o.name}</span>
          </span>
        ),
        checked: o.id === organizationId,
        onSelect: () => {
          if (o.id === organizationId) return;
          void confirmLeave().then((leave) => leave && makeActive.mutate({ id: o.id }));
        },
      }),
    ),
    { kind: 'separator', key: 'sep' },
    { kind: 'item', key: 'new', label: '+ Create organization', href: '/onboarding' },
  ];

  return (
    <Menu
      triggerLabel={`Organization: ${current.name}. Switch organization`}
      triggerClassName="flex w-full items-center gap-3 rounded-lg px-2 py-1.5 text-left ring-1 ring-zinc-200 hover:bg-zinc-50 md:py-2"
      entries={entries}
      trigger={
        <>
          <OrganizationLogo name={current.name} image={current.image} />
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-semibold text-zinc-900">{current.name}</span>
            <span className="hidden truncate text-xs text-zinc-500 md:block">{current.customRole?.name ?? (current.role ? ROLE_NAMES[current.role] : '')}</span>
          </span>
          <ChevronUpDownIcon />
        </>
      }
    />
  );
}
