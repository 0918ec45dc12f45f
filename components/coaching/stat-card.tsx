// One headline number (a team dashboard's members, sessions, average), with its label, an icon and a line of context.
import type { ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';

/** `value` undefined is still loading; null means there is nothing to count yet (shown as a dash). */
export function StatCard({ label, value, caption, icon }: { label: string; value: number | null | undefined; caption?: ReactNode; icon: ReactNode }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-sm font-medium text-zinc-500">{label}</h2>
        <span className="flex size-9 items-center justify-center rounded-lg bg-accent-50 text-accent-600">{icon}</span>
      </div>
      {value === undefined ? (
        <Skeleton className="mt-3 h-9 w-16" />
      ) : (
        <p className="mt-2 text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums" aria-label={`${label}: ${value ?? 'none'}`}>
          {value === null ? '—' : value.toLocaleString('en')}
        </p>
      )}
      {caption && <p className="mt-1 text-sm text-zinc-500">{caption}</p>}
    </div>
  );
}
