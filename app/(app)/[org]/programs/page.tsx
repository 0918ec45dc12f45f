// /{org}/programs – programs of every type: create from the library or an account, delete when unused.
import type { Metadata } from 'next';
import { ProgramsPage } from '@/components/programs/programs-page';

export const metadata: Metadata = { title: 'Programs' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <ProgramsPage organizationId={org} />;
}
