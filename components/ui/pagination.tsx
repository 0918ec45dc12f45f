// "Showing 1–50 of 120" with Previous / Next, for offset-paginated lists.
import { Button } from './button';

export function Pagination({ offset, limit, count, onChange, label = 'Pagination' }: { offset: number; limit: number; count: number; onChange: (offset: number) => void; label?: string }) {
  if (count <= limit) return null;
  const last = Math.min(offset + limit, count);
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4 border-t border-zinc-100 px-6 py-3 text-sm text-zinc-600">
      <p>
        Showing <span className="font-medium text-zinc-900">{offset + 1}</span>–<span className="font-medium text-zinc-900">{last}</span> of{' '}
        <span className="font-medium text-zinc-900">{count}</span>
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={last >= count} onClick={() => onChange(offset + limit)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
