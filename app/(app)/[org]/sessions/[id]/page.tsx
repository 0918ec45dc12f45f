// /{org}/sessions/{id} – review one practice session.
import type { Metadata } from 'next';
import { SessionReview } from '@/components/review/session-review';

export const metadata: Metadata = { title: 'Session review' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <SessionReview organizationId={org} sessionId={id} />;
}
