'use client';
// The current organization and what the signed-in user's role there lets them do, for showing or hiding actions.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import type { Permission } from '@/server/auth/permissions';

export function useOrganizationAccess() {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organization.get.queryOptions());
  const role = organization.data?.role ?? null;
  // The server decides; this only spares the user buttons that would answer "forbidden".
  const can = (permission: Permission) => organization.data?.permissions.includes(permission) ?? false;
  return { organization, role, can };
}
