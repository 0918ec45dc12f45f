// Typed errors thrown by the analysis engine, so the host app can map them to HTTP responses without string matching.

/** One problem found in the input, addressed by a dotted path such as `words.3.end`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

function summarize(prefix: string, issues: readonly ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return prefix;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${prefix}: ${first.path}: ${first.message}${more}`;
}

/** The transcript's words are unusable (out of order, negative or non-finite times, empty text, ...). */
export class TranscriptValidationError extends Error {
  readonly code = 'validation_failed' as const;
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(summarize('Invalid transcript', issues));
    this.name = 'TranscriptValidationError';
    this.issues = issues;
  }
}

/** The module expectations (keywords, target time) are malformed. */
export class ModuleValidationError extends Error {
  readonly code = 'validation_failed' as const;
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(summarize('Invalid module expectations', issues));
    this.name = 'ModuleValidationError';
    this.issues = issues;
  }
}

/** The transcript is not in any format we understand (our JSON, WebVTT, verbose_json). */
export class TranscriptFormatError extends Error {
  readonly code = 'unsupported_transcript_format' as const;

  constructor(message: string) {
    super(message);
    this.name = 'TranscriptFormatError';
  }
}

/** Why a WAV file was refused; lets the UI tell "wrong format" apart from "broken upload". */
export type AudioDecodeReason = 'not_wav' | 'unsupported_encoding' | 'truncated' | 'malformed';

/** The audio is not a WAV file we can decode (MP3, OGG, garbage, truncated header, exotic encoding). */
export class AudioDecodeError extends Error {
  readonly code = 'unsupported_audio' as const;
  readonly reason: AudioDecodeReason;

  constructor(reason: AudioDecodeReason, message: string) {
    super(message);
    this.name = 'AudioDecodeError';
    this.reason = reason;
  }
}
