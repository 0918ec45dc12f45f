// A text input styled for the app; red ring when aria-invalid is set.
import type { InputHTMLAttributes } from 'react';
import { cx } from './cx';

export const controlClass =
  'block w-full rounded-lg border-0 bg-white px-3 text-sm text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 ' +
  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent-500 disabled:bg-zinc-50 disabled:text-zinc-500 ' +
  'aria-invalid:ring-red-400 aria-invalid:focus-visible:ring-red-500';

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cx(controlClass, 'h-10', className)} {...rest} />;
}
