// A checkbox with its label and an optional description line, the whole row clickable.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

export function Checkbox({ id, label, description, className, ...rest }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { id: string; label: ReactNode; description?: ReactNode }) {
  return (
    <div className={cx('flex items-start gap-3', className)}>
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-zinc-300 accent-accent-600 disabled:cursor-not-allowed disabled:opacity-50"
        aria-describedby={description ? `${id}-description` : undefined}
        {...rest}
      />
      <div className="min-w-0 text-sm leading-5">
        <label htmlFor={id} className={cx('font-medium', rest.disabled ? 'text-zinc-400' : 'text-zinc-800')}>
          {label}
        </label>
        {description && (
          <p id={`${id}-description`} className="text-zinc-500">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
