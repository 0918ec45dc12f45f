// Reads a failed tRPC call into what a form shows: a message, per-field errors and the app's error code.
import { TRPCClientError } from '@trpc/client';

export type FieldIssue = { path: string; message: string };
export type ServerError = { message: string; fieldErrors: FieldIssue[]; appCode: string | null; code: string | null };

type ErrorData = { code?: string; appCode?: string | null; fieldErrors?: FieldIssue[] | null };

export function readServerError(error: unknown): ServerError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    // A failure before any answer (offline, server down) has no data and a fetch-level message.
    if (!error.data) return { message: 'Could not reach the server. Check your connection and try again.', fieldErrors: [], appCode: null, code: null };
    return { message: error.message, fieldErrors: data.fieldErrors ?? [], appCode: data.appCode ?? null, code: data.code ?? null };
  }
  return { message: error instanceof Error ? error.message : 'Something went wrong', fieldErrors: [], appCode: null, code: null };
}

/** Schema messages are fragments ("must be at least 8 characters"); under a field they read as sentences. */
export const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);
