// The one interface every outbound gateway protocol implements (smtp, twilio, http, kannel, and the built-in sink), and
// what goes through it.
export const PROVIDER_TYPES = ['smtp', 'twilio', 'http', 'kannel', 'sink'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
export const PROVIDER_SERVICES = ['sms', 'email', 'voice', 'fax'] as const;
export type ProviderService = (typeof PROVIDER_SERVICES)[number];

/** Per-type options kept in `settings`; none is secret (secrets go in `password`). */
export type ProviderSettings = {
  /** Seconds an attempt may take before it fails (default 15). */
  timeoutSeconds?: number;
  /** At most this many messages per second, across every worker process. */
  ratePerSecond?: number;
  /** smtp: `smtps` (TLS from the first byte) rather than plain/STARTTLS. */
  secure?: boolean;
  /** smtp fax: the email-to-fax gateway's domain (a fax to +15551234 goes to 15551234@domain). */
  faxDomain?: string;
  /** http: the path messages are posted to (default /messages). */
  path?: string;
  /** kannel: the sendsms path (default /cgi-bin/sendsms) and the dlr-mask asked for (default 31: every report). */
  dlrMask?: number;
};

/** A provider as an adapter sees it: the secret opened, ready to use. SECURITY: never logged, never stored as is. */
export type ProviderConfig = {
  id: string;
  type: ProviderType;
  host: string;
  port: number | null;
  username: string;
  password: string | null;
  settings: ProviderSettings;
  prefix: string | null;
};

export type Attachment = { filename: string; contentType: string; content: Buffer };

/** One message to one destination, with merge fields already filled. */
export type OutboundMessage = {
  /** The spool's id: the idempotency key given to the gateway, and the email's Message-ID. */
  spoolId: string;
  service: ProviderService;
  to: string;
  from: string;
  text?: string;
  subject?: string;
  html?: string;
  attachments?: Attachment[];
  /** voice: words to speak, or a recording's public URL to play. */
  say?: string;
  playUrl?: string;
  /** Where the gateway should report delivery (its receipt webhook), when the app's public URL is known. */
  receiptUrl?: string;
};

/** The gateway took the message: its id for it and what it answered (no secrets). */
export type ProviderAnswer = { messageId: string | null; status: string; response: Record<string, unknown>; connectedAt?: Date };

/**
 * A gateway did not take the message. `throttled`: it asked to wait (429, Retry-After) — not a failed attempt;
 * `failed`: an error of the gateway or the network (5xx, timeout, refused connection) or a refusal (4xx).
 */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: 'failed' | 'throttled',
    readonly detail: { status?: number; retryAfterMs?: number; response?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface ProviderAdapter {
  readonly type: ProviderType;
  /** The services this protocol can carry. */
  readonly services: readonly ProviderService[];
  send(config: ProviderConfig, message: OutboundMessage, opts: { signal?: AbortSignal }): Promise<ProviderAnswer>;
  /**
   * Before an attempt that may have reached the gateway already (a worker died mid-send) is sent again: the message the
   * gateway holds for it, if any (null: none, send it). Only for protocols whose gateway can be asked (Twilio); a
   * protocol without it relies on its identity (the Message-ID for email) instead.
   */
  find?(config: ProviderConfig, message: OutboundMessage, opts: { since: Date; signal?: AbortSignal }): Promise<ProviderAnswer | null>;
}

export const timeoutMsOf = (config: ProviderConfig) => Math.max(1, Math.min(120, config.settings.timeoutSeconds ?? 15)) * 1000;

/** A destination number with the provider's prefix (a trunk or route code) in front. */
export const withPrefix = (config: ProviderConfig, number: string) => `${config.prefix ?? ''}${number}`;

/** Retry-After in milliseconds: seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
