// Text people type on one line — names, titles, places: trimmed, length-bounded, and free of control characters
// (a tab, a line break or an escape code in a name breaks every list, CSV export and log line that shows it).
import { z } from 'zod';
import './zod-messages';

// C0 controls (tab and line breaks included), DEL, C1 controls, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

export function singleLineText(opts: { max: number; required?: string }) {
  const base = z.string().trim();
  return (opts.required ? base.min(1, opts.required) : base)
    .max(opts.max, `Use at most ${opts.max} characters`)
    .refine((v) => !SINGLE_LINE_CONTROL.test(v), { message: 'Use one line of text, without tabs, line breaks or control characters' });
}
