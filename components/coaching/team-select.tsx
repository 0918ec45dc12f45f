'use client';
// A select of the organization's teams (for a product's team, an invite's team, a filter).
import { useQuery } from '@tanstack/react-query';
import type { SelectHTMLAttributes } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Select } from '@/components/ui/select';

export function TeamSelect({ emptyLabel, mine, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { emptyLabel?: string; mine?: boolean }) {
  const trpc = useTRPC();
  const teams = useQuery(trpc.teams.list.queryOptions({ limit: 200, mine }));
  return (
    <Select {...rest} disabled={rest.disabled || !teams.data}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {teams.data?.results.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </Select>
  );
}
