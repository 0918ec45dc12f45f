// /{org}/settings/users – the organization's users: add, search and filter, change roles, grant permissions, remove.
import type { Metadata } from 'next';
import { UsersPage } from '@/components/users/users-page';

export const metadata: Metadata = { title: 'Users' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <UsersPage organizationId={org} />;
}
