// Turns a submitted transcript (JSON words, verbose_json or WebVTT) into timed words, or a 422 naming what is wrong.
import { parseTranscript, TranscriptFormatError, TranscriptValidationError, type TranscriptWord } from '../../analysis';
import { AppError } from '../../errors';

/** `path` is where the transcript sits in the request (`transcript` in a JSON body, `(body)` when it is the body). */
export function readTranscript(raw: unknown, path = 'transcript'): TranscriptWord[] {
  try {
    return parseTranscript(raw);
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
