// Which speech-to-text service transcribes recordings, read from the environment at each use (operators and tests may
// change it without a restart). Unset STT_URL: no service, and sessions without words wait for a transcript.
import { z } from 'zod';
import { decimalInteger } from '../../domain/shared/decimal-integer';

const schema = z.object({
  STT_URL: z.url('STT_URL must be a URL').optional(),
  STT_API_KEY: z.string().min(1).optional(),
  STT_MODEL: z.string().min(1).default('whisper-1'),
  STT_TIMEOUT_SECONDS: decimalInteger.pipe(z.number().positive('STT_TIMEOUT_SECONDS must be above 0').max(3600)).default(120),
});

export type SttSettings = { endpoint: string; apiKey: string | null; model: string; timeoutMs: number };

/** The `/v1/audio/transcriptions` endpoint of the configured OpenAI-compatible service, or null when none is set. */
export function sttSettings(): SttSettings | null {
  const env = schema.parse({
    STT_URL: process.env.STT_URL || undefined,
    STT_API_KEY: process.env.STT_API_KEY || undefined,
    STT_MODEL: process.env.STT_MODEL || undefined,
    STT_TIMEOUT_SECONDS: process.env.STT_TIMEOUT_SECONDS || undefined,
  });
  if (!env.STT_URL) return null;
  // STT_URL is the service's base URL (https://api.openai.com); a full endpoint URL works too.
  const base = env.STT_URL.replace(/\/+$/, '');
  const endpoint = /\/audio\/transcriptions$/.test(base) ? base : `${base.replace(/\/v1$/, '')}/v1/audio/transcriptions`;
  return { endpoint, apiKey: env.STT_API_KEY ?? null, model: env.STT_MODEL, timeoutMs: env.STT_TIMEOUT_SECONDS * 1000 };
}
