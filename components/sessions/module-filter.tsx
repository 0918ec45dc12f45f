'use client';
// A select of every module, grouped by product, for filtering sessions.
import { useQuery } from '@tanstack/react-query';
import type { SelectHTMLAttributes } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Select } from '@/components/ui/select';

export function ModuleFilter(props: SelectHTMLAttributes<HTMLSelectElement>) {
  const trpc = useTRPC();
  const modules = useQuery(trpc.products.moduleChoices.queryOptions());
  const byProduct = new Map<string, { name: string; modules: { id: string; name: string }[] }>();
  for (const m of modules.data ?? []) {
    const group = byProduct.get(m.productId) ?? { name: m.productName, modules: [] };
    group.modules.push(m);
    byProduct.set(m.productId, group);
  }
  return (
    <Select {...props}>
      <option value="">All modules</option>
      {[...byProduct.entries()].map(([id, group]) => (
        <optgroup key={id} label={group.name}>
          {group.modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
