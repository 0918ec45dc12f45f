// /{org}/people/{userId} – one person's sessions, for them and the managers of their teams.
import type { Metadata } from 'next';
import { PersonSessions } from '@/components/sessions/person-sessions';

export const metadata: Metadata = { title: 'Sessions' };

export default async function Page({ params }: { params: Promise<{ org: string; userId: string }> }) {
  const { org, userId } = await params;
  return <PersonSessions organizationId={org} userId={userId} />;
}
