// /{org}/contacts/groups/{id} – a group: its contacts, CSV imports with progress and reports, the export.
import type { Metadata } from 'next';
import { GroupPage } from '@/components/contacts/group-page';

export const metadata: Metadata = { title: 'Group' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <GroupPage organizationId={org} groupId={id} />;
}
