// What both doors refuse in any input before a schema sees it: text PostgreSQL cannot store and absurd nesting.
// SECURITY: a NUL byte makes PostgreSQL reject the whole statement and a lone UTF-16 surrogate would be silently
// replaced on the way in; refusing them here (with the field's path) keeps every operation, including ones added
// later, from answering 500 or storing something other than what was sent.
import { AppError, type FieldError } from './errors';

/** Deeper than any body this API takes (a transcript is four levels); past it a request is an attack or a bug. */
export const MAX_INPUT_DEPTH = 64;

// U+0000, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string) => !UNSTORABLE.test(text);

/** The problems of a parsed JSON value (or query), each with the dotted path of the field; empty when it is fine. */
export function unstorableInput(value: unknown, rootPath: string[] = []): FieldError[] {
  const problems: FieldError[] = [];
  // Iterative, so a hostile nesting depth cannot overflow the stack before it is measured.
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: rootPath }];
  while (stack.length > 0 && problems.length < 20) {
    const { value: v, path } = stack.pop()!;
    const at = path.join('.') || '(root)';
    if (typeof v === 'string') {
      if (!isStorableText(v)) problems.push({ path: at, message: 'contains a NUL character or invalid Unicode' });
    } else if (typeof v === 'object' && v !== null) {
      if (path.length - rootPath.length >= MAX_INPUT_DEPTH) {
        problems.push({ path: at, message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` });
        continue;
      }
      for (const [key, child] of Object.entries(v)) {
        if (!isStorableText(key)) problems.push({ path: [...path, key.replace(UNSTORABLE, '\uFFFD')].join('.'), message: 'field name contains a NUL character or invalid Unicode' });
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return problems;
}

export function assertStorableInput(value: unknown, rootPath: string[] = []): void {
  const errors = unstorableInput(value, rootPath);
  if (errors.length > 0) throw new AppError('validation_failed', { message: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
}
