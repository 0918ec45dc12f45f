'use client';
// Filter controls for server-side lists: the panel that holds them (folded away on a phone), a text box that commits
// after a pause in typing, a date box, and toggle chips for "any of" filters. Each writes one URL parameter through
// the list's state, and shows beside itself why a value it sent was refused (the list keeps its last good rows).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert } from './alert';
import { cx } from './cx';
import { FieldError } from './field-error';
import { Input } from './input';

/** Filters a link held that could not be applied, said once above the filters. */
export type IgnoredFilter = { name: string; value: string; message: string };

function IgnoredNote({ ignored, labels }: { ignored: IgnoredFilter[]; labels?: Record<string, string> }) {
  if (!ignored.length) return null;
  return (
    <Alert tone="warning" title={ignored.length === 1 ? 'One filter in this link was ignored' : `${ignored.length} filters in this link were ignored`} className="mx-6 mt-4">
      <ul className="space-y-0.5">
        {ignored.map((f) => (
          <li key={f.name} className="wrap-anywhere">
            {labels?.[f.name] ?? f.name} “{f.value.length > 60 ? `${f.value.slice(0, 60)}…` : f.value}”: {f.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * The box of a list's filters. On a phone it folds behind a "Filters" button (with how many are set), so the list
 * itself starts on the first screen; from sm up the filters are always shown, in `columns` (Tailwind grid classes).
 */
export function FilterPanel({ active, columns, children, ignored = [], labels }: { active: number; columns: string; children: ReactNode; ignored?: IgnoredFilter[]; labels?: Record<string, string> }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="border-b border-zinc-100">
      <IgnoredNote ignored={ignored} labels={labels} />
      <div className="px-6 py-3 sm:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex h-9 items-center gap-2 rounded-lg bg-white px-3 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50"
        >
          {open ? 'Hide filters' : 'Filters'}
          {active > 0 && <span className="rounded-full bg-accent-600 px-1.5 text-xs text-white tabular-nums">{active}</span>}
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={cx('size-4 text-zinc-500 transition-transform', open && 'rotate-180')}>
            <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
          </svg>
        </button>
      </div>
      <div id={id} className={cx('gap-4 px-6 pb-4 sm:grid sm:pt-4', open ? 'grid' : 'hidden', columns)}>
        {children}
      </div>
    </div>
  );
}

export function FilterText(props: {
  label: string;
  value: string | undefined;
  onCommit: (value: string | null) => void;
  /** Why the value last typed was not applied. */
  error?: string;
  placeholder?: string;
  className?: string;
  inputMode?: 'text' | 'tel' | 'email';
  maxLength?: number;
}) {
  const id = useId();
  const [text, setText] = useState(props.value ?? '');
  const committed = useRef(props.value ?? '');
  const onCommit = useRef(props.onCommit);
  onCommit.current = props.onCommit;
  // The URL is the truth: back/forward or "clear filters" replace what is typed.
  useEffect(() => {
    if ((props.value ?? '') !== committed.current) {
      committed.current = props.value ?? '';
      setText(props.value ?? '');
    }
  }, [props.value]);
  const commit = (value: string) => {
    if (value === committed.current) return;
    committed.current = value;
    onCommit.current(value.trim() || null);
  };
  // After a pause in typing, timed from the last keystroke only (commit reads refs, so the list's own re-renders do
  // not restart the pause).
  useEffect(() => {
    if (text === committed.current) return;
    const timer = setTimeout(() => commit(text), 350);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className={cx('min-w-0', props.className)}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {props.label}
      </label>
      <Input
        id={id}
        type="search"
        value={text}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        maxLength={props.maxLength ?? 300}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        // Leaving the box (a click on a link, Tab) or Enter applies it at once: a pause still to come would otherwise
        // land after a navigation the person already started, and pull them back to this list.
        onBlur={() => commit(text)}
        onKeyDown={(e) => e.key === 'Enter' && commit(text)}
        className="h-9 text-ellipsis"
      />
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

export function FilterDate(props: { label: string; value: string | undefined; onCommit: (value: string | null) => void; error?: string; className?: string }) {
  const id = useId();
  // What was picked, even when the list refused it (an end before the start): the box keeps it, the error says why.
  const [picked, setPicked] = useState(props.value ?? '');
  useEffect(() => setPicked(props.value ?? ''), [props.value]);
  return (
    <div className={cx('min-w-0', props.className)}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {props.label}
      </label>
      <Input
        id={id}
        type="date"
        value={picked}
        min="0001-01-01"
        max="9999-12-31"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => {
          setPicked(e.target.value);
          props.onCommit(e.target.value || null);
        }}
        className="h-9 px-2"
      />
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}

/**
 * A From/To pair side by side where there is room for both whole dates (mm/dd/yyyy and the calendar button), one above
 * the other where there is not.
 */
export function FilterDateRange(props: { from: FilterBinding; to: FilterBinding; fromLabel?: string; toLabel?: string; className?: string }) {
  return (
    <div className={cx('grid grid-cols-[repeat(auto-fit,minmax(8.75rem,1fr))] gap-2', props.className)}>
      <FilterDate label={props.fromLabel ?? 'From'} {...props.from} />
      <FilterDate label={props.toLabel ?? 'To'} {...props.to} />
    </div>
  );
}

type FilterBinding = { value: string | undefined; onCommit: (value: string | null) => void; error?: string };

/** "Any of" as toggle buttons: none pressed means no filter. */
export function FilterChips<V extends string>(props: { label: string; options: ReadonlyArray<{ value: V; label: string }>; value: string | undefined; onCommit: (value: string | null) => void }) {
  const selected = new Set((props.value ?? '').split(',').filter(Boolean));
  const toggle = (v: V) => {
    const next = new Set(selected);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    props.onCommit(props.options.filter((o) => next.has(o.value)).map((o) => o.value).join(',') || null);
  };
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 block text-xs font-medium text-zinc-600">{props.label}</legend>
      <div className="flex flex-wrap gap-1.5">
        {props.options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={selected.has(o.value)}
            onClick={() => toggle(o.value)}
            className={cx(
              'h-9 rounded-lg px-3 text-sm font-medium ring-1 ring-inset transition-colors',
              selected.has(o.value) ? 'bg-accent-600 text-white ring-accent-600' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50',
            )}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
