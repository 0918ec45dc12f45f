// Speech to text over the OpenAI-compatible `POST /v1/audio/transcriptions` protocol (OpenAI, Groq, whisper.cpp's
// and faster-whisper's servers, …): multipart in, `verbose_json` with word timestamps out.
import type { SttSettings } from './stt-settings';

/**
 * Whisper-style models drop disfluencies unless the prompt shows them; counting fillers is the point of the product,
 * so the prompt is written the way people hesitate (OpenAI's documented way to keep "um" and "uh").
 */
export const DISFLUENCY_PROMPT = 'Umm, let me think like, hmm... Okay, here\'s what I\'m, like, thinking. So, uh, you know, I mean, basically.';

export class SpeechToTextError extends Error {
  constructor(
    message: string,
    /** Worth trying again (timeouts, 5xx, 429, network); a 4xx refusal will not change. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SpeechToTextError';
  }
}

/** Sends a WAV recording and returns the service's verbose_json answer (parsed, not yet validated). */
export async function transcribeAudio(opts: { settings: SttSettings; wav: Uint8Array; signal?: AbortSignal }): Promise<unknown> {
  const { settings } = opts;
  const form = new FormData();
  form.append('file', new Blob([opts.wav as BlobPart], { type: 'audio/wav' }), 'recording.wav');
  form.append('model', settings.model);
  form.append('response_format', 'verbose_json');
  form.append('timestamp_granularities[]', 'word');
  form.append('timestamp_granularities[]', 'segment');
  form.append('prompt', DISFLUENCY_PROMPT);
  form.append('temperature', '0');
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(settings.endpoint, { method: 'POST', body: form, signal, headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {} });
  } catch (error) {
    if (timeout.aborted) throw new SpeechToTextError(`the speech-to-text service did not answer within ${Math.round(settings.timeoutMs / 1000)} s`, true);
    throw new SpeechToTextError(`the speech-to-text service could not be reached (${(error as Error).message})`, true);
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) {
    const detail = readError(body);
    throw new SpeechToTextError(`the speech-to-text service answered ${res.status}${detail ? `: ${detail}` : ''}`, res.status >= 500 || res.status === 429 || res.status === 408);
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new SpeechToTextError('the speech-to-text service answered with something other than JSON', false);
  }
}

/** The message of an OpenAI-style error body ({ error: { message } }), kept short. */
function readError(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    return (message ?? '').slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}
