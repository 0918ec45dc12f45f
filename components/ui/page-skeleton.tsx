// What a page shows while the server prepares it: the shape of a page header and two cards, announced once as loading.
import { Skeleton } from './skeleton';

export function PageSkeleton({ label = 'Loading page' }: { label?: string }) {
  return (
    <div role="status" aria-label={label} aria-live="polite">
      <div className="mb-8 space-y-2">
        <Skeleton className="h-3 w-24" />
        <Skeleton className="h-7 w-64 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="space-y-6">
        {[5, 3].map((rows, i) => (
          <div key={i} className="space-y-3 rounded-xl border border-zinc-200 bg-white p-6 shadow-xs">
            <Skeleton className="h-5 w-40" />
            {Array.from({ length: rows }, (_, r) => (
              <Skeleton key={r} className={r % 3 === 2 ? 'h-4 w-2/3' : 'h-4 w-full'} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
