// Public API of the Pitchcraft speech analysis engine: parsers, WAV decoder, session analysis, types, errors, constants.

export { analyzeSession } from './analyze-session';
export { analyzeRecording, type RecordingAnalysis } from './analyze-recording';
export { parseTranscript, readTranscriptInput } from './transcript-parser';
export { NOMINAL_WPM, PLAIN_TEXT_MAX_WORDS, timeTranscript, type ParsedTranscript } from './plain-transcript';
export { MIN_VOICED_SECONDS, VOICED_GAP_BRIDGE_SECONDS, voicedStretches, type VoicedStretch } from './voiced-stretches';
export { decodeWav } from './wav-decoder';

export {
  AudioDecodeError,
  ModuleValidationError,
  TranscriptFormatError,
  TranscriptValidationError,
  type AudioDecodeReason,
  type ValidationIssue,
} from './analysis-errors';

export type {
  AnalyzeSessionInput,
  DecodedAudio,
  EnergyAnalysis,
  FillerAnalysis,
  FillerLocation,
  KeywordAnalysis,
  ModuleExpectations,
  PaceAnalysis,
  PacePoint,
  PaceRanges,
  PauseAnalysis,
  PauseItem,
  PitchAnalysis,
  PitchPoint,
  ScoreComponent,
  ScoreComponentName,
  SessionAnalysis,
  SessionScore,
  TargetTimeAnalysis,
  TranscriptTiming,
  TranscriptWord,
} from './session-types';

export { FILLERS, type FillerDefinition } from './fillers';
export { WPM_BOUNDS, WPM_WINDOW } from './speaking-pace';
export { PAUSE_THRESHOLDS } from './pauses';
export { SCORE_WEIGHTS } from './session-score';
export { CLARITY_ADVICE_SHARE, LOW_CONFIDENCE_THRESHOLD } from './clarity';
export { keywordLocations, MAX_MISSED_KEYWORDS_NAMED, type KeywordLocation } from './keywords';
export { TARGET_TIME_TOLERANCE } from './target-time';
export { ENERGY_WINDOW_SECONDS, SILENCE_DBFS } from './loudness';
export { PITCH_RANGE } from './pitch-tracker';
export { UTTERANCE_GAP_SECONDS } from './utterance-context';
