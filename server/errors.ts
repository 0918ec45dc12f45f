// The one error type of the domain and its two renderings: problem+json for REST (RFC 9457) and TRPCError for the UI.
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  validation_failed: 422,
  rate_limited: 429,
  header_fields_too_large: 431,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldError = { path: string; message: string };

const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  gone: 'Gone',
  payload_too_large: 'Payload too large',
  uri_too_long: 'URI too long',
  unsupported_media_type: 'Unsupported media type',
  range_not_satisfiable: 'Range not satisfiable',
  validation_failed: 'Validation failed',
  rate_limited: 'Too many requests',
  header_fields_too_large: 'Request header fields too large',
  internal: 'Internal server error',
  service_unavailable: 'Service unavailable',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  constructor(code: ErrorCode, opts: { message?: string; errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(opts.message ?? TITLES[code]);
    this.name = 'AppError';
    this.code = code;
    this.errors = opts.errors;
    this.headers = opts.headers;
  }
  get status() {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', { message: `${what} not found` });
export const forbidden = (message = 'You do not have permission to do this') => new AppError('forbidden', { message });
export const conflict = (message: string) => new AppError('conflict', { message });
export const validationFailed = (path: string, message: string) =>
  new AppError('validation_failed', { message: `${path}: ${message}`, errors: [{ path, message }] });

export function zodToFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      path: [...issue.path, ...(key ? [key] : [])].map(String).join('.') || '(root)',
      message: issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message,
    }));
  }).flat();
}

type PrismaLikeError = { name?: string; code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { originalCode?: string } } } };
const isPrismaKnown = (e: unknown): e is PrismaLikeError =>
  typeof e === 'object' && e !== null && (e as PrismaLikeError).name === 'PrismaClientKnownRequestError';

/**
 * PostgreSQL's class 22 ("data exception": a NUL byte, an impossible date, a malformed uuid, a number out of range)
 * and Prisma's value errors mean the database refused a value that came from the caller. The schemas and the request
 * layer refuse such input first; this net keeps any that slips past them a 422 instead of a 500.
 */
const PRISMA_VALUE_ERRORS = new Set(['P2000', 'P2006', 'P2007', 'P2020']);
const isRefusedValue = (e: PrismaLikeError) =>
  PRISMA_VALUE_ERRORS.has(e.code ?? '') || /^22/.test(e.meta?.driverAdapterError?.cause?.originalCode ?? '');

/** An error PostgreSQL sent to node-postgres directly (sqlRows, exports, counters): it carries the SQLSTATE. */
const isPgError = (e: unknown): e is Error & { code: string } =>
  e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { severity?: unknown }).severity === 'string';

/**
 * The database was too busy to run the request's transaction in time: no connection came free (P2024), or the
 * transaction could not start or outran its time limit and was rolled back (P2028). Nothing was written, so the
 * caller may simply try again — a 503 with Retry-After says so, where a 500 would say the request itself broke.
 */
const PRISMA_BUSY_ERRORS = new Set(['P2024', 'P2028']);
export const serverBusy = () =>
  new AppError('service_unavailable', { message: 'The server is too busy to handle this right now; nothing was changed. Try again in a moment.', headers: { 'Retry-After': '2' } });

const refusedValue = () =>
  new AppError('validation_failed', { message: 'A value in the request cannot be stored (out of range or containing characters that are not allowed)', errors: [] });

/** Turns anything thrown into an AppError; unknown errors become a masked `internal`. */
export function normalizeError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const errors = zodToFieldErrors(err);
    return new AppError('validation_failed', { message: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
  }
  if (isPrismaKnown(err)) {
    if (PRISMA_BUSY_ERRORS.has(err.code ?? '')) {
      console.warn('[errors] the database was too busy; answered 503', err.code);
      return serverBusy();
    }
    if (err.code === 'P2025') return notFound();
    if (err.code === 'P2002') return conflict('A record with these values already exists');
    if (isRefusedValue(err)) {
      // Logged so a schema that should have refused the value first gets fixed; the caller learns only that it was refused.
      console.warn('[errors] a value reached the database and was refused', err.code, err.meta?.driverAdapterError?.cause?.originalCode);
      return refusedValue();
    }
  }
  // A lock waited for or a statement run past the limit a transaction set itself (sqlTransaction): rolled back, busy.
  if (isPgError(err) && (err.code === '55P03' || err.code === '57014')) {
    console.warn('[errors] the database was too busy; answered 503', err.code);
    return serverBusy();
  }
  if (isPgError(err) && /^22/.test(err.code)) {
    console.warn('[errors] a value reached the database and was refused', err.code);
    return refusedValue();
  }
  return new AppError('internal');
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
};

export function toProblem(err: unknown, requestId: string): { status: number; body: Problem; headers: Record<string, string> } {
  const appError = normalizeError(err);
  if (appError.code === 'internal') {
    // Logged in full here, never sent: a 500 carries no stack, SQL or internal name.
    console.error(`[${requestId}] unhandled error`, err);
  }
  const body: Problem = {
    type: `https://pitchcraft.dev/problems/${appError.code.replace(/_/g, '-')}`,
    title: TITLES[appError.code],
    status: appError.status,
    detail: appError.code === 'internal' ? 'An unexpected error occurred. Quote the request id when reporting it.' : appError.message,
    code: appError.code,
    requestId,
    ...(appError.errors ? { errors: appError.errors } : {}),
  };
  return { status: appError.status, body, headers: appError.headers ?? {} };
}

const TRPC_CODES: Record<ErrorCode, TRPCError['code']> = {
  bad_request: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  method_not_allowed: 'METHOD_NOT_SUPPORTED',
  conflict: 'CONFLICT',
  gone: 'NOT_FOUND',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
  uri_too_long: 'BAD_REQUEST',
  unsupported_media_type: 'UNSUPPORTED_MEDIA_TYPE',
  range_not_satisfiable: 'BAD_REQUEST',
  validation_failed: 'UNPROCESSABLE_CONTENT',
  rate_limited: 'TOO_MANY_REQUESTS',
  header_fields_too_large: 'BAD_REQUEST',
  internal: 'INTERNAL_SERVER_ERROR',
  service_unavailable: 'SERVICE_UNAVAILABLE',
};

export function toTRPCError(err: unknown): TRPCError {
  const appError = normalizeError(err);
  if (appError.code === 'internal') console.error('[trpc] unhandled error', err);
  return new TRPCError({
    code: TRPC_CODES[appError.code],
    message: appError.code === 'internal' ? 'An unexpected error occurred' : appError.message,
    cause: appError,
  });
}
