// Renders a timestamp as a short local date (or a fallback word such as "never"), with the exact time on hover.
const DAY = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });
const FULL = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export function DateText({ value, fallback = '—' }: { value: string | Date | null | undefined; fallback?: string }) {
  if (!value) return <span className="text-zinc-400">{fallback}</span>;
  const date = typeof value === 'string' ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} title={FULL.format(date)}>
      {DAY.format(date)}
    </time>
  );
}
