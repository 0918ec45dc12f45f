// /{org}/sessions – the signed-in rep's own practice sessions, with their score trend.
import type { Metadata } from 'next';
import { MySessions } from '@/components/sessions/my-sessions';

export const metadata: Metadata = { title: 'My sessions' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <MySessions organizationId={org} />;
}
