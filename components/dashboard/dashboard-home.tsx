'use client';
// The organization's home: your practice first (everyone's daily work here), then what an owner checks — who is in
// it, which API keys can reach it, what happened lately in its security log — and its details. Cards for what the
// role cannot see are left out.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { PageHeader } from '@/components/ui/page-header';
import { ApiKeysCard } from './api-keys-card';
import { CoachingCard } from './coaching-card';
import { MembersCard } from './members-card';
import { OrganizationSummary } from './organization-summary';
import { RecentEventsCard } from './recent-events-card';

export function DashboardHome({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const { organization, can } = useOrganizationAccess();

  return (
    <>
      <PageHeader
        eyebrow={organization.data?.name ?? ' '}
        title={me.data ? `Welcome, ${me.data.firstName}` : 'Welcome'}
        description="Your team, its access to the API and the latest security events, at a glance."
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        {can('sessions:read') && (
          <div className="lg:col-span-2">
            <CoachingCard organizationId={organizationId} canPractise={can('sessions:write')} seesOthers={can('coaching:admin') || !!me.data?.isManager} />
          </div>
        )}
        {can('members:read') && <MembersCard organizationId={organizationId} canManage={can('members:manage')} />}
        {can('apiKeys:read') && <ApiKeysCard organizationId={organizationId} canManage={can('apiKeys:manage')} />}
        {can('audit:read') && <RecentEventsCard organizationId={organizationId} />}
        <OrganizationSummary organizationId={organizationId} />
      </div>
    </>
  );
}
