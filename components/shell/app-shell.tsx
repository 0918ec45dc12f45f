// The signed-in frame. From md up: a sidebar with the organization switcher, navigation and user menu beside the page.
// On a phone: one slim bar (logo, switcher, the person's picture) over a sideways-scrolling navigation strip, so the
// page's own content starts within the first ~110 px.
import type { ReactNode } from 'react';
import { Logo } from './logo';
import { HeadsetIcon, InboxIcon, PhoneIcon } from '@/components/calls/icons';
import { BoxIcon, BuildingIcon, HomeIcon, IdCardIcon, KeyIcon, LinkIcon, MailIcon, MatrixIcon, MicIcon, QueueIcon, ShieldIcon, TeamIcon, TrendIcon, UserIcon, UsersIcon } from './nav-icons';
import { NavLink } from './nav-link';
import { NavSectionProvider } from './nav-section';
import { OrganizationSwitcher } from './organization-switcher';
import { PermittedNavLink } from './permitted-nav-link';
import { PermittedNavSection } from './permitted-nav-section';
import { UserMenu } from './user-menu';
import { AccountIcon, CampaignIcon, ContactsIcon, GatewayIcon, GroupIcon, MessageIcon, ReceivedIcon, ProgramIcon, SendIcon } from '@/components/contacts/icons';

const sectionLabel = 'hidden px-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:block';

export function AppShell({ organizationId, children }: { organizationId: string; children: ReactNode }) {
  const base = `/${organizationId}`;
  return (
    <NavSectionProvider>
      <div className="min-h-dvh md:flex">
        <a href="#main" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3">
          Skip to content
        </a>
        {/* The column runs the page's full height (border and background); its content stays in view while scrolling. */}
        <aside className="border-b border-zinc-200 bg-white md:w-64 md:shrink-0 md:border-r md:border-b-0">
          <div className="flex flex-col md:sticky md:top-0 md:h-dvh">
            <div className="flex items-center gap-2 px-3 pt-2 md:block md:p-0">
              <div className="flex shrink-0 items-center md:h-16 md:px-5">
                <Logo nameClassName="hidden md:inline" />
              </div>
              <div className="min-w-0 flex-1 md:px-3">
                <OrganizationSwitcher organizationId={organizationId} />
              </div>
              <div className="shrink-0 md:hidden">
                <UserMenu organizationId={organizationId} compact />
              </div>
            </div>
            <nav
              aria-label="Main"
              className="relative flex gap-1 overflow-x-auto px-3 py-2 md:flex-1 md:flex-col md:gap-6 md:overflow-y-auto md:py-4"
            >
              <div className="flex gap-1 md:flex-col">
                <NavLink href={base} icon={<HomeIcon />} exact>
                  Dashboard
                </NavLink>
              </div>
              <div className="flex gap-1 md:flex-col">
                <p className={sectionLabel}>Live calls</p>
                <PermittedNavLink permission="calls:answer" href={`${base}/console`} icon={<HeadsetIcon />}>
                  Console
                </PermittedNavLink>
                <NavLink href={`${base}/calls`} icon={<PhoneIcon />}>
                  Calls
                </NavLink>
                <PermittedNavLink permission="conversations:chat" href={`${base}/conversations`} icon={<MessageIcon />}>
                  Conversations
                </PermittedNavLink>
                <PermittedNavLink permission="externalUsers:manage" href={`${base}/customers`} icon={<LinkIcon />}>
                  Customers
                </PermittedNavLink>
                <PermittedNavLink permission="leads:read" href={`${base}/leads`} icon={<InboxIcon />}>
                  Leads
                </PermittedNavLink>
                <PermittedNavLink permission="members:read" href={`${base}/dealers`} icon={<UsersIcon />}>
                  Dealers
                </PermittedNavLink>
              </div>
              <PermittedNavSection anyOf={['sessions:write', 'sessions:read', 'teams:read', 'products:read']} className="flex gap-1 md:flex-col">
                <p className={sectionLabel}>Coaching</p>
                <PermittedNavLink permission="sessions:write" href={`${base}/practice`} icon={<MicIcon />}>
                  Practice
                </PermittedNavLink>
                <PermittedNavLink permission="sessions:read" href={`${base}/sessions`} icon={<TrendIcon />}>
                  My sessions
                </PermittedNavLink>
                <PermittedNavLink permission="teams:read" href={`${base}/teams`} icon={<TeamIcon />}>
                  Teams
                </PermittedNavLink>
                <PermittedNavLink permission="products:read" href={`${base}/products`} icon={<BoxIcon />}>
                  Products
                </PermittedNavLink>
              </PermittedNavSection>
              <PermittedNavSection anyOf={['contacts:read', 'messages:read', 'programs:read', 'transmissions:read', 'campaigns:read']} className="flex gap-1 md:flex-col">
                <p className={sectionLabel}>Outreach</p>
                <PermittedNavLink permission="contacts:read" href={`${base}/contacts`} icon={<ContactsIcon />} exact>
                  Contacts
                </PermittedNavLink>
                <PermittedNavLink permission="contacts:read" href={`${base}/contacts/groups`} icon={<GroupIcon />}>
                  Groups
                </PermittedNavLink>
                <PermittedNavLink permission="messages:read" href={`${base}/messages`} icon={<MessageIcon />}>
                  Messages
                </PermittedNavLink>
                <PermittedNavLink permission="programs:read" href={`${base}/programs`} icon={<ProgramIcon />}>
                  Programs
                </PermittedNavLink>
                <PermittedNavLink permission="campaigns:read" href={`${base}/campaigns`} icon={<CampaignIcon />}>
                  Campaigns
                </PermittedNavLink>
                <PermittedNavLink permission="transmissions:read" href={`${base}/transmissions`} icon={<SendIcon />} exact>
                  Transmissions
                </PermittedNavLink>
                <PermittedNavLink permission="transmissions:read" href={`${base}/transmissions/inbox`} icon={<ReceivedIcon />}>
                  Inbox
                </PermittedNavLink>
              </PermittedNavSection>
              <div className="flex gap-1 md:flex-col">
                <p className={sectionLabel}>Settings</p>
                <NavLink href={`${base}/settings/organization`} icon={<BuildingIcon />}>
                  Organization
                </NavLink>
                <PermittedNavLink permission="members:read" href={`${base}/settings/users`} icon={<IdCardIcon />}>
                  Users
                </PermittedNavLink>
                <PermittedNavLink permission="members:read" href={`${base}/settings/roles`} icon={<MatrixIcon />}>
                  Roles
                </PermittedNavLink>
                <PermittedNavLink permission="accounts:read" href={`${base}/settings/accounts`} icon={<AccountIcon />}>
                  Sender accounts
                </PermittedNavLink>
                <PermittedNavLink permission="providers:read" href={`${base}/settings/providers`} icon={<GatewayIcon />}>
                  Providers
                </PermittedNavLink>
                <PermittedNavLink permission="apiKeys:read" href={`${base}/settings/api-keys`} icon={<KeyIcon />}>
                  API keys
                </PermittedNavLink>
                <PermittedNavLink permission="audit:read" href={`${base}/settings/security`} icon={<ShieldIcon />}>
                  Security log
                </PermittedNavLink>
                <PermittedNavLink permission="emails:read" href={`${base}/settings/email`} icon={<MailIcon />}>
                  Email log
                </PermittedNavLink>
                <PermittedNavLink permission="jobs:read" href={`${base}/settings/jobs`} icon={<QueueIcon />}>
                  Background jobs
                </PermittedNavLink>
              </div>
              <div className="flex gap-1 md:flex-col">
                <p className={sectionLabel}>You</p>
                <NavLink href={`${base}/account`} icon={<UserIcon />}>
                  Account
                </NavLink>
              </div>
            </nav>
            <div className="hidden border-t border-zinc-200 p-3 md:block">
              <UserMenu organizationId={organizationId} />
            </div>
          </div>
        </aside>
        <div className="min-w-0 flex-1">
          <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:px-8 md:py-10">
            {children}
          </main>
        </div>
      </div>
    </NavSectionProvider>
  );
}
