// Lays out one form field: label, the control, an optional hint and the inline error, with ids wired for a11y.
import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import { Label } from './label';
import { cx } from './cx';

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The aria attributes a control needs to point at its hint and error. */
export function describedBy(id: string, opts: { hint?: boolean; error?: string | null }) {
  const ids = [opts.hint && !opts.error && hintId(id), opts.error && errorId(id)].filter(Boolean).join(' ');
  return { 'aria-invalid': opts.error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

export function FormField(props: { id: string; label: string; optional?: boolean; hint?: ReactNode; error?: string | null; className?: string; children: ReactNode }) {
  return (
    <div className={cx('space-y-1.5', props.className)}>
      <Label htmlFor={props.id} optional={props.optional}>
        {props.label}
      </Label>
      {props.children}
      {props.hint && !props.error && (
        <p id={hintId(props.id)} className="text-sm text-zinc-500">
          {props.hint}
        </p>
      )}
      <FieldError id={errorId(props.id)} message={props.error} />
    </div>
  );
}
