// Reads a failed tRPC call into what a form shows: a message for the person in front of the screen, per-field errors
// and the app's error code. This is the one place where transport failures and masked server errors become words.
import { TRPCClientError } from '@trpc/client';

export type FieldIssue = { path: string; message: string };
export type ServerError = { message: string; fieldErrors: FieldIssue[]; appCode: string | null; code: string | null };

type ErrorData = { code?: string; appCode?: string | null; fieldErrors?: FieldIssue[] | null };

export const OFFLINE_MESSAGE = 'You are offline, so nothing was saved. Your changes are still here: try again once you are back online.';
export const UNREACHABLE_MESSAGE = 'Pitchcraft could not be reached, so nothing was saved. Check your connection and try again.';

// Codes whose server message is not written for people (masked, or produced by the transport itself).
const PLAIN: Partial<Record<string, string>> = {
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side and nothing was changed. Try again in a moment.',
  UNAUTHORIZED: 'Your session has ended. Sign in again to continue.',
  PARSE_ERROR: 'Something went wrong sending this. Reload the page and try again.',
  BAD_REQUEST: 'Something went wrong sending this. Reload the page and try again.',
  METHOD_NOT_SUPPORTED: 'Something went wrong sending this. Reload the page and try again.',
  TIMEOUT: 'This took too long. Try again in a moment.',
  CLIENT_CLOSED_REQUEST: 'The request was interrupted. Try again.',
};

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export function readServerError(error: unknown): ServerError {
  if (error instanceof TRPCClientError) {
    // A failure before any answer (offline, server down) has no data and a fetch-level message.
    if (!error.data) return { message: isOffline() ? OFFLINE_MESSAGE : UNREACHABLE_MESSAGE, fieldErrors: [], appCode: null, code: null };
    const data = error.data as ErrorData;
    const code = data.code ?? null;
    return { message: (code && PLAIN[code]) ?? error.message, fieldErrors: data.fieldErrors ?? [], appCode: data.appCode ?? null, code };
  }
  if (isOffline()) return { message: OFFLINE_MESSAGE, fieldErrors: [], appCode: null, code: null };
  return { message: 'Something went wrong. Try again in a moment.', fieldErrors: [], appCode: null, code: null };
}

/** Messages that reach a field read as sentences, whichever way the schema wrote them. */
export const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);
