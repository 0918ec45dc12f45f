// /{org}/… – checks the visitor is signed in and belongs to the organization, then frames its pages in the app shell.
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { OrganizationScope } from '@/components/providers/organization-scope';
import { requireSignedIn } from '@/server/trpc/server-caller';
import { AppShell } from '@/components/shell/app-shell';

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { me } = await requireSignedIn(`/${org}`);
  // Another tenant's id looks exactly like one that does not exist.
  if (!me.organizations.some((o) => o.id === org)) notFound();
  return (
    <OrganizationScope organizationId={org}>
      <AppShell organizationId={org}>{children}</AppShell>
    </OrganizationScope>
  );
}
