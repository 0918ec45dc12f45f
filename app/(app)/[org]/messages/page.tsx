// /{org}/messages – the message library: SMS texts first, with tabs for templates, recordings and documents.
import type { Metadata } from 'next';
import { LibraryPage } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'Messages' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LibraryPage organizationId={org} tab="texts" />;
}
