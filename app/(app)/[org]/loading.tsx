// Shown inside the app shell the moment a page of the organization is opened, until the server has it ready.
import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function OrganizationPageLoading() {
  return <PageSkeleton />;
}
