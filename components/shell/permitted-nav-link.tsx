'use client';
// A sidebar link shown only to those whose role grants `permission` here (the page itself still checks).
import type { ComponentProps } from 'react';
import type { Permission } from '@/server/auth/permissions';
import { NavLink } from './nav-link';
import { useOrganizationAccess } from './use-organization-access';

export function PermittedNavLink({ permission, ...link }: ComponentProps<typeof NavLink> & { permission: Permission }) {
  const { can } = useOrganizationAccess();
  return can(permission) ? <NavLink {...link} /> : null;
}
