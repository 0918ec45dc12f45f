// /{org}/… – checks the visitor is signed in and belongs to the organization, then frames its pages in the app shell.
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { OrganizationScope } from '@/components/providers/organization-scope';
import { isUuid } from '@/server/domain/shared/ids';
import { prefetchOrganizationShell, requireSignedIn } from '@/server/trpc/server-caller';
import { AppShell } from '@/components/shell/app-shell';

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  // Only an organization id can lead to sign-in; any other first segment (a mistyped page, /favicon.png) is a 404,
  // signed in or not.
  if (!isUuid(org)) notFound();
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
