// Turns a submitted transcript (JSON words, verbose_json, WebVTT or plain text) into words the engine can score —
// timed as given, or, for plain text, spread over the recording or a stated length — or a 422 naming what is wrong.
import {
  readTranscriptInput,
  timeTranscript,
  TranscriptFormatError,
  TranscriptValidationError,
  voicedStretches,
  type DecodedAudio,
  type ParsedTranscript,
  type TranscriptTiming,
  type TranscriptWord,
} from '../../analysis';
import { AppError, validationFailed } from '../../errors';
import { sessionDurationInput } from './session.schema';

/** `path` is where the transcript sits in the request (`transcript` in a JSON body, `(body)` when it is the body). */
export function readTranscript(raw: unknown, path = 'transcript'): ParsedTranscript {
  try {
    return readTranscriptInput(raw);
  } catch (e) {
    if (e instanceof TranscriptValidationError) {
      const errors = e.issues.map((i) => ({ path: `${path}.${i.path}`, message: i.message }));
      throw new AppError('validation_failed', { message: `The transcript was refused: ${errors.slice(0, 3).map((x) => `${x.path}: ${x.message}`).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`, errors });
    }
    if (e instanceof TranscriptFormatError) {
      throw new AppError('validation_failed', { message: `${path}: ${e.message}`, errors: [{ path, message: e.message }] });
    }
    throw e;
  }
}

export type TimedTranscript = { words: TranscriptWord[]; timing: TranscriptTiming };

/**
 * The words with times for scoring. Plain text over a recording is spread across its voiced stretches; without one,
 * over `duration` seconds when given. `duration` is only for that case: a recording or timed words carry their own.
 */
export function timeWords(parsed: ParsedTranscript, opts: { audio: DecodedAudio | null; duration?: number | null }): TimedTranscript {
  if (opts.duration != null && (parsed.kind === 'timed' || opts.audio)) {
    throw validationFailed('duration', parsed.kind === 'timed' ? 'is only for a plain-text transcript: timed words carry their own times' : 'is only for a transcript without a recording: the recording gives the length');
  }
  const audio = opts.audio;
  return timeTranscript(parsed, {
    stretches: audio ? voicedStretches(audio) : null,
    audioSeconds: audio && audio.sampleRate > 0 ? audio.samples.length / audio.sampleRate : null,
    duration: opts.duration,
  });
}

/** A duration written as text (a form field, a query parameter): decimal seconds, within the JSON field's bounds. */
export function durationFromText(text: string): number {
  const parsed = /^\s*\d{1,9}(\.\d{1,6})?\s*$/.test(text) ? sessionDurationInput.safeParse(Number(text)) : null;
  if (!parsed?.success) throw validationFailed('duration', parsed?.error.issues[0]?.message ?? 'must be a number of seconds, like 45 or 45.5');
  return parsed.data;
}
