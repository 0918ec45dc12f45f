// /{org}/practice – pick a training module to practise.
import type { Metadata } from 'next';
import { PracticePicker } from '@/components/practice/practice-picker';

export const metadata: Metadata = { title: 'Practice' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <PracticePicker organizationId={org} />;
}
