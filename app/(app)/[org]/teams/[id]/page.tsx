// /{org}/teams/{id} – the team dashboard for its managers.
import type { Metadata } from 'next';
import { TeamDashboard } from '@/components/teams/team-dashboard';

export const metadata: Metadata = { title: 'Team dashboard' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <TeamDashboard organizationId={org} teamId={id} />;
}
