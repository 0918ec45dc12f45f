// /{org}/messages/recordings – the message library: voice recordings.
import type { Metadata } from 'next';
import { LibraryPage } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'Voice recordings' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LibraryPage organizationId={org} tab="recordings" />;
}
