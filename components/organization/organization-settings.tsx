'use client';
// The organization settings page body: the details form, the members table and, for owners, the danger zone.
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { PageHeader } from '@/components/ui/page-header';
import { CallPageCard } from './call-page-card';
import { DangerZone } from './danger-zone';
import { MembersTable } from './members-table';
import { OrganizationLogoCard } from './organization-logo-card';
import { OrganizationSettingsForm } from './organization-settings-form';
import { QueryState } from '@/components/ui/query-state';

export function OrganizationSettings() {
  const { organization, role, can } = useOrganizationAccess();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Organization" description="Your organization's profile, currencies and members." />
      <div className="space-y-8">
        <QueryState query={organization} loadingLabel="Loading organization" rows={6} frame="page">{(org) => (
          <OrganizationSettingsForm key={org.updatedAt} organization={org} canEdit={can('organization:update')} />
        )}</QueryState>
        {can('organization:update') && organization.data && <OrganizationLogoCard key={organization.data.image ?? 'none'} organization={organization.data} />}
        {organization.data?.callToken && <CallPageCard callToken={organization.data.callToken} organizationName={organization.data.name} />}
        {can('members:read') && organization.data && <MembersTable organizationName={organization.data.name} myRole={role} canManage={can('members:manage')} usersHref={`/${organization.data.id}/settings/users`} />}
        {can('organization:delete') && organization.data && <DangerZone organization={organization.data} />}
      </div>
    </>
  );
}
