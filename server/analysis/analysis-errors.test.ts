import { describe, expect, it } from 'vitest';
import { AudioDecodeError, ModuleValidationError, TranscriptFormatError, TranscriptValidationError } from './analysis-errors';

describe('analysis errors', () => {
  it('are Error subclasses with stable codes and names', () => {
    const validation = new TranscriptValidationError([{ path: 'words.0.text', message: 'must be a non-empty string' }]);
    expect(validation).toBeInstanceOf(Error);
    expect(validation.code).toBe('validation_failed');
    expect(validation.name).toBe('TranscriptValidationError');
    expect(validation.message).toBe('Invalid transcript: words.0.text: must be a non-empty string');

    expect(new ModuleValidationError([]).message).toBe('Invalid module expectations');
    expect(new TranscriptFormatError('x').code).toBe('unsupported_transcript_format');
    const audio = new AudioDecodeError('not_wav', 'MP3 audio is not supported');
    expect(audio.code).toBe('unsupported_audio');
    expect(audio.reason).toBe('not_wav');
    expect(audio).toBeInstanceOf(Error);
  });
});
