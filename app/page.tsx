// / – sends each visitor where they belong: sign in, create a first organization, or the active organization.
import { redirect } from 'next/navigation';
import { requireSignedIn } from '@/server/trpc/server-caller';

export default async function Home() {
  const { me } = await requireSignedIn('/');
  const target = me.activeOrganization ?? me.organizations[0];
  redirect(target ? `/${target.id}` : '/onboarding');
}
