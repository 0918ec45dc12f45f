// /{org}/contacts/groups – contact groups with their member counts.
import type { Metadata } from 'next';
import { GroupsList } from '@/components/contacts/groups-list';

export const metadata: Metadata = { title: 'Groups' };

export default async function GroupsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <GroupsList organizationId={org} />;
}
