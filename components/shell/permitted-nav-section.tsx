'use client';
// A group of sidebar links shown only when the signed-in person's role opens at least one of them, so a custom role
// that opens nothing in an area leaves no empty heading behind.
import type { ReactNode } from 'react';
import type { Permission } from '@/server/auth/permissions';
import { useOrganizationAccess } from './use-organization-access';

export function PermittedNavSection({ anyOf, className, children }: { anyOf: readonly Permission[]; className?: string; children: ReactNode }) {
  const { can } = useOrganizationAccess();
  return anyOf.some(can) ? <div className={className}>{children}</div> : null;
}
