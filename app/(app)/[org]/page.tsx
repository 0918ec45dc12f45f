// /{org} – the organization's dashboard.
import type { Metadata } from 'next';
import { DashboardHome } from '@/components/dashboard/dashboard-home';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <DashboardHome organizationId={org} />;
}
