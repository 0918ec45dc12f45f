// /{org}/practice/{moduleId} – a module's brief, and recording a pitch for it.
import type { Metadata } from 'next';
import { PracticeModule } from '@/components/practice/practice-module';

export const metadata: Metadata = { title: 'Practise' };

export default async function Page({ params }: { params: Promise<{ org: string; moduleId: string }> }) {
  const { org, moduleId } = await params;
  return <PracticeModule organizationId={org} moduleId={moduleId} />;
}
