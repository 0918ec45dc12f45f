'use client';
// Free-text tags (a module's keywords): type and press Enter or comma to add, Backspace on an empty field or ✕ removes.
import { useState, type KeyboardEvent } from 'react';
import { controlClass } from '@/components/ui/input';
import { cx } from '@/components/ui/cx';

type Props = {
  id: string;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

export function TagInput({ id, value, onChange, onBlur, placeholder, ...aria }: Props) {
  const [draft, setDraft] = useState('');
  const commit = () => {
    const parts = draft.split(',').map((p) => p.trim()).filter(Boolean);
    if (parts.length) onChange([...value, ...parts]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && draft === '' && value.length) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className={cx(controlClass, 'flex min-h-10 flex-wrap items-center gap-1.5 py-1.5')}>
      {value.length > 0 && (
        <ul aria-label="Keywords" className="contents">
          {value.map((tag, i) => (
            <li key={`${tag}-${i}`} className="inline-flex items-center gap-1 rounded-md bg-accent-50 py-0.5 pr-1 pl-2 text-xs font-medium text-accent-700 ring-1 ring-accent-200 ring-inset">
              {tag}
              <button type="button" aria-label={`Remove ${tag}`} className="rounded px-1 text-accent-500 hover:bg-accent-100 hover:text-accent-800" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          commit();
          onBlur?.();
        }}
        placeholder={value.length ? '' : placeholder}
        className="min-w-32 flex-1 border-0 bg-transparent p-0 text-sm outline-none focus:ring-0"
        {...aria}
      />
    </div>
  );
}
