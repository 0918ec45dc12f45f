'use client';
// The security log page body: who did what in this organization, for those allowed to read it.
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { AuditEventsTable } from './audit-events-table';
import { QueryState } from '@/components/ui/query-state';

export function SecurityLog() {
  const { organization, can } = useOrganizationAccess();
  return (
    <>
      <PageHeader eyebrow="Settings" title="Security log" description="Sign-ins, API keys and membership changes in this organization, newest first." />
      <QueryState query={organization} loadingLabel="Loading" rows={6} frame="page">{() => !can('audit:read') ? (
        <Alert tone="info">Your role cannot read this organization&apos;s security log. Ask an owner or admin.</Alert>
      ) : (
        <AuditEventsTable />
      )}</QueryState>
    </>
  );
}
