// What every answer to bad input must satisfy: no 5xx, errors as problem+json with a known code, nothing internal.
import { ERROR_STATUS, type ErrorCode } from '../../errors';

/** Things only a server's insides say: stack frames, source paths, SQL, ORM and database messages. */
export const LEAK_PATTERNS: Array<[string, RegExp]> = [
  ['stack frame', /\bat (?:async )?[\w$.<>]+ \(|\n\s+at \S+/],
  ['source position', /\.(?:ts|tsx|js|mjs|cjs):\d+/],
  ['file path', /(?:\/work\/|\/srv\/|\/home\/|\/usr\/|node_modules|file:\/\/)/],
  ['Prisma', /prisma|Invalid `.*` invocation/i],
  ['SQL', /\b(?:SELECT|INSERT INTO|DELETE FROM|UPDATE "\w+" SET)\b/],
  ['PostgreSQL', /relation "|violates (?:unique|foreign|check|not-null)|syntax error at|invalid input syntax|invalid byte sequence|out of range for type|PostgreSQL|pg_catalog/],
  ['internal error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError):/],
];

export function leaksIn(text: string): string[] {
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

export type Answer = { status: number; headers: Headers; text: string };

/** The broken promises of one answer; empty when it keeps them all. */
export function brokenPromises(answer: Answer): string[] {
  const broken: string[] = [];
  if (answer.status >= 500) broken.push(`answered ${answer.status}`);
  if (answer.status >= 400) {
    const type = answer.headers.get('content-type');
    if (type !== 'application/problem+json') broken.push(`error with content-type ${type}`);
    let problem: { code?: string; status?: number; requestId?: string; detail?: unknown } | null = null;
    try {
      problem = JSON.parse(answer.text);
    } catch {
      broken.push('error body is not JSON');
    }
    if (problem) {
      const code = problem.code as ErrorCode | undefined;
      if (!code || !(code in ERROR_STATUS)) broken.push(`unknown code ${String(code)}`);
      else if (ERROR_STATUS[code] !== answer.status) broken.push(`code ${code} with status ${answer.status}`);
      if (problem.status !== answer.status) broken.push(`problem.status ${problem.status} ≠ ${answer.status}`);
      if (typeof problem.detail !== 'string') broken.push('problem without detail');
      // A replayed answer (Idempotency-Key) is the first request's, request id included.
      const replayed = answer.headers.get('idempotent-replayed') === 'true';
      if (!problem.requestId || (!replayed && problem.requestId !== answer.headers.get('x-request-id'))) broken.push('problem without its request id');
    }
    // Successful answers carry stored input back (which may be anything); errors carry only our own words.
    for (const leak of leaksIn(answer.text)) broken.push(`leaks ${leak}`);
  }
  return broken;
}
