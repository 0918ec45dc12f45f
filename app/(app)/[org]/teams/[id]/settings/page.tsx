// /{org}/teams/{id}/settings – people, invites and name of a team, for its managers.
import type { Metadata } from 'next';
import { TeamSettings } from '@/components/teams/team-settings';

export const metadata: Metadata = { title: 'Team settings' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <TeamSettings organizationId={org} teamId={id} />;
}
