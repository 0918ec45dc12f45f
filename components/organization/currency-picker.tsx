'use client';
// A searchable multi-select of ISO 4217 currencies (WAI-ARIA combobox with a multi-select listbox): type to filter
// by code or name, arrows to move, Enter to toggle, Backspace on an empty search removes the last one.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cx } from '@/components/ui/cx';
import { controlClass } from '@/components/ui/input';
import { filterCurrencies, useCurrencyOptions } from './currency-options';

type Props = {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  onBlur?: () => void;
  /** Always accepted: shown first, cannot be removed here. */
  base?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

export function CurrencyPicker({ id, value, onChange, onBlur, base, disabled, ...aria }: Props) {
  const options = useCurrencyOptions();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const selected = useMemo(() => (base ? [base, ...value.filter((c) => c !== base)] : value), [base, value]);
  const visible = useMemo(() => filterCurrencies(options, query), [options, query]);
  const optionId = (code: string) => `${listId}-${code}`;
  const activeCode = open ? visible[active]?.code : undefined;

  useEffect(() => {
    if (activeCode) document.getElementById(optionId(activeCode))?.scrollIntoView({ block: 'nearest' });
  });

  const toggle = (code: string) => {
    if (code === base) return;
    onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code]);
    setQuery('');
    setActive(0);
  };
  const remove = (code: string) => {
    onChange(value.filter((c) => c !== code));
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + visible.length) % Math.max(visible.length, 1));
    } else if (e.key === 'Enter' && open) {
      // While the list is open Enter picks; when it is closed Enter submits the form as usual.
      e.preventDefault();
      if (activeCode) toggle(activeCode);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    } else if (e.key === 'Backspace' && !query) {
      const last = [...value].reverse().find((c) => c !== base);
      if (last) remove(last);
    } else if (e.key === 'Home' && open) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && open) {
      e.preventDefault();
      setActive(visible.length - 1);
    }
  };

  return (
    <div
      ref={rootRef}
      className="relative"
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node)) {
          setOpen(false);
          onBlur?.();
        }
      }}
    >
      <div className={cx(controlClass, 'flex min-h-10 flex-wrap items-center gap-1.5 py-1.5 focus-within:ring-2 focus-within:ring-accent-500', aria['aria-invalid'] && 'ring-red-400')}>
        {/* Read-only viewers see the list without remove buttons that would do nothing. */}
        <ul aria-label="Selected currencies" className="contents">
          {selected.map((code) => (
            <li key={code} className="inline-flex items-center gap-1 rounded-md bg-zinc-100 py-0.5 pr-1 pl-2 text-xs font-medium text-zinc-800 ring-1 ring-zinc-200 ring-inset">
              <span title={options.find((o) => o.code === code)?.name}>{code}</span>
              {code === base ? (
                <span className="rounded bg-accent-100 px-1 text-[10px] font-semibold tracking-wide text-accent-700 uppercase">Base</span>
              ) : disabled ? null : (
                <button
                  type="button"
                  onClick={() => remove(code)}
                  aria-label={`Remove ${code}`}
                  className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-800"
                >
                  <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="size-3">
                    <path d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L6.94 8l-2.72 2.72a.75.75 0 1 0 1.06 1.06L8 9.06l2.72 2.72a.75.75 0 1 0 1.06-1.06L9.06 8l2.72-2.72a.75.75 0 0 0-1.06-1.06L8 6.94 5.28 4.22Z" />
                  </svg>
                </button>
              )}
            </li>
          ))}
        </ul>
        <input
          ref={inputRef}
          id={id}
          role="combobox"
          type="text"
          autoComplete="off"
          disabled={disabled}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeCode ? optionId(activeCode) : undefined}
          {...aria}
          value={query}
          placeholder={disabled ? undefined : selected.length ? 'Add a currency…' : 'Search by code or name…'}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          className="h-7 min-w-32 flex-1 border-0 bg-transparent p-0 text-sm outline-none placeholder:text-zinc-500 focus:ring-0 disabled:cursor-not-allowed"
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-multiselectable="true"
        aria-label="Currencies"
        hidden={!open}
        className="absolute z-30 mt-1.5 max-h-64 w-full overflow-y-auto rounded-lg bg-white p-1 shadow-lg ring-1 ring-zinc-900/10"
      >
        {visible.length === 0 && <li className="px-3 py-2 text-sm text-zinc-500">No currency matches “{query}”.</li>}
        {visible.map((o, i) => {
          const isSelected = selected.includes(o.code);
          return (
            <li
              key={o.code}
              id={optionId(o.code)}
              role="option"
              aria-selected={isSelected}
              aria-disabled={o.code === base || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => toggle(o.code)}
              className={cx(
                'flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-1.5 text-sm',
                i === active ? 'bg-accent-50 text-accent-800' : 'text-zinc-700',
                o.code === base && 'cursor-default opacity-60',
              )}
            >
              <span className="w-10 font-mono text-xs font-semibold">{o.code}</span>
              <span className="min-w-0 flex-1 truncate">{o.name}</span>
              {isSelected && (
                <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 text-accent-600">
                  <path fillRule="evenodd" clipRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" />
                </svg>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
