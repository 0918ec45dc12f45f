// /{org}/teams – the organization's teams, and a form to start one.
import type { Metadata } from 'next';
import { TeamsPage } from '@/components/teams/teams-page';

export const metadata: Metadata = { title: 'Teams' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <TeamsPage organizationId={org} />;
}
