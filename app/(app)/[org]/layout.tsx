// /{org}/… – checks the visitor is signed in and belongs to the organization, then frames its pages in the app shell.
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { OrganizationScope } from '@/components/providers/organization-scope';
import { prefetchOrganizationShell, requireSignedIn } from '@/server/trpc/server-caller';
import { AppShell } from '@/components/shell/app-shell';

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { me, userId } = await requireSignedIn(`/${org}`);
  // Another tenant's id looks exactly like one that does not exist.
  if (!me.organizations.some((o) => o.id === org)) notFound();
  const prefetched = await prefetchOrganizationShell({ userId, organizationId: org });
  return (
    <OrganizationScope organizationId={org}>
      <HydrationBoundary state={prefetched}>
        <AppShell organizationId={org}>{children}</AppShell>
      </HydrationBoundary>
    </OrganizationScope>
  );
}
