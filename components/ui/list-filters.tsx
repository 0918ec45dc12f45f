'use client';
// Filter controls for server-side lists: a text box that commits after a pause in typing, a date box, and toggle
// chips for "any of" filters. Each writes one URL parameter through the list's state.
import { useEffect, useId, useRef, useState } from 'react';
import { cx } from './cx';
import { Input } from './input';

export function FilterText(props: { label: string; value: string | undefined; onCommit: (value: string | null) => void; placeholder?: string; className?: string; inputMode?: 'text' | 'tel' | 'email' }) {
  const id = useId();
  const [text, setText] = useState(props.value ?? '');
  const committed = useRef(props.value ?? '');
  // The URL is the truth: back/forward or "clear filters" replace what is typed.
  useEffect(() => {
    if ((props.value ?? '') !== committed.current) {
      committed.current = props.value ?? '';
      setText(props.value ?? '');
    }
  }, [props.value]);
  useEffect(() => {
    if (text === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text;
      props.onCommit(text.trim() || null);
    }, 350);
    return () => clearTimeout(timer);
  }, [text, props]);
  return (
    <div className={cx('min-w-0', props.className)}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {props.label}
      </label>
      <Input id={id} type="search" value={text} inputMode={props.inputMode} placeholder={props.placeholder} onChange={(e) => setText(e.target.value)} className="h-9" />
    </div>
  );
}

export function FilterDate(props: { label: string; value: string | undefined; onCommit: (value: string | null) => void; className?: string }) {
  const id = useId();
  return (
    <div className={cx('min-w-0', props.className)}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-zinc-600">
        {props.label}
      </label>
      <Input id={id} type="date" value={props.value ?? ''} onChange={(e) => props.onCommit(e.target.value || null)} className="h-9" />
    </div>
  );
}

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
