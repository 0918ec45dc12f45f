// Text people write over several lines — a chat message, a note, a comment: trimmed, length-bounded, line breaks and
// tabs kept, and no other control characters (an escape code or a stray NUL in a note breaks exports and logs).
import { z } from 'zod';
import './zod-messages';

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function multiLineText(opts: { max: number; required?: string }) {
  const base = z.string().trim();
  return (opts.required ? base.min(1, opts.required) : base)
    .max(opts.max, `Use at most ${opts.max} characters`)
    .refine((v) => !MULTI_LINE_CONTROL.test(v), { message: 'Remove control characters (only line breaks and tabs may be used)' });
}
