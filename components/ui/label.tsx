// A form label; `optional` adds a quiet hint so required fields need no asterisk.
import type { LabelHTMLAttributes } from 'react';
import { cx } from './cx';

export function Label({ className, children, optional, ...rest }: LabelHTMLAttributes<HTMLLabelElement> & { optional?: boolean }) {
  return (
    <label className={cx('block text-sm font-medium text-zinc-800', className)} {...rest}>
      {children}
      {optional && <span className="ml-1.5 font-normal text-zinc-500">(optional)</span>}
    </label>
  );
}
