// Response builders for route handlers: the status codes of API.md §1 in one place.
import type { ApiResponse } from '../http/api-response';

export type { ApiResponse };

type Options = { secretFields?: readonly string[] };

export const ok = (body: unknown, headers?: Record<string, string>, options: Options = {}): ApiResponse => ({ status: 200, body, headers, ...options });
export const created = (body: unknown, location: string, options: Options = {}): ApiResponse => ({ status: 201, body, headers: { Location: location }, ...options });
export const noContent = (): ApiResponse => ({ status: 204 });
export const raw = (data: BodyInit, contentType: string, headers?: Record<string, string>): ApiResponse => ({ status: 200, raw: data, contentType, headers });
/** 202: accepted for work that goes on after the response (a job), with the resource as it stands now. */
export const accepted = (body: unknown): ApiResponse => ({ status: 202, body });
