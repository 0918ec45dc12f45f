// /{org}/settings/jobs – the organization's background jobs: queues, failures, retry.
import type { Metadata } from 'next';
import { BackgroundJobs } from '@/components/operations/background-jobs';

export const metadata: Metadata = { title: 'Background jobs' };

export default function BackgroundJobsPage() {
  return <BackgroundJobs />;
}
