// Plain TypeScript types for the engine's inputs and its SessionAnalysis output (no schema library needed by callers).

/** One transcribed word with its timing in seconds from the start of the recording. */
export interface TranscriptWord {
  text: string;
  start: number;
  end: number;
  /** 0..1 recognizer confidence, when the transcriber provides one. */
  confidence?: number;
}

/** Mono audio decoded from a WAV upload, samples in -1..1. */
export interface DecodedAudio {
  sampleRate: number;
  /** Channel count of the original file (samples are already mixed down to mono). */
  channels: number;
  samples: Float32Array;
}

/** What the practice module expects from the pitch. */
export interface ModuleExpectations {
  keywords: string[];
  /** Target length of the pitch in seconds. */
  targetTime: number;
}

/**
 * How the words got their times: `measured` (given with the words, or heard by a recognizer), `estimated` (plain
 * text spread over the recording's voiced stretches or a stated length), `none` (plain text alone: no pace, pauses or
 * length can be measured).
 */
export type TranscriptTiming = 'measured' | 'estimated' | 'none';

export interface AnalyzeSessionInput {
  words: TranscriptWord[];
  audio?: DecodedAudio | null;
  module: ModuleExpectations;
  /** Default `measured`. */
  timing?: TranscriptTiming;
}

export interface FillerLocation {
  /** Index in `words` of the filler's first word. */
  index: number;
  start: number;
  /** Canonical filler, e.g. "um" for "Umm," or "you know". */
  word: string;
}

export interface FillerAnalysis {
  total: number;
  summary: Record<string, number>;
  locations: FillerLocation[];
  recommendation: string;
}

export interface PacePoint {
  /** Centre of the window, seconds. */
  t: number;
  wpm: number;
}

export interface PaceRanges {
  slow: number;
  good: number;
  fast: number;
}

export interface PaceAnalysis {
  average: number;
  series: PacePoint[];
  /** Shares of time (0..1) spent slow / in the good band / fast. */
  ranges: PaceRanges;
  recommendation: string;
}

export interface PauseItem {
  start: number;
  duration: number;
}

export interface PauseAnalysis {
  items: PauseItem[];
  longest: number;
  longCount: number;
  recommendation: string;
}

export interface PitchPoint {
  t: number;
  hz: number | null;
}

export interface PitchAnalysis {
  contour: PitchPoint[];
  /** Mean pitch of voiced frames in Hz, null when nothing was voiced. */
  average: number | null;
  /** Standard deviation of voiced frames in semitones. */
  variation: number;
  /** Share (0..1) of frames that were voiced. */
  voicedShare: number;
}

export interface EnergyAnalysis {
  /** RMS level per window in dBFS. */
  values: number[];
  windowSeconds: number;
  average: number;
  vocalVariation: number;
  pitch: PitchAnalysis;
  recommendation: string;
}

export interface KeywordAnalysis {
  hit: string[];
  missed: string[];
  recommendation: string;
}

export interface TargetTimeAnalysis {
  target: number;
  actual: number;
  /** actual − target in seconds; positive means the pitch ran long. */
  delta: number;
  recommendation: string;
}

export interface ScoreComponent {
  score: number;
  weight: number;
  /** Plain-language advice for this component (the same text as the metric's own `recommendation`, if it has one). */
  recommendation: string;
}

export type ScoreComponentName =
  | 'fillers'
  | 'pace'
  | 'pauses'
  | 'keywords'
  | 'targetTime'
  | 'clarity'
  | 'energy';

export interface SessionScore {
  total: number;
  components: Record<ScoreComponentName, ScoreComponent | null>;
  /** Effective weights after dropping unavailable components and renormalizing (dropped ones are 0). */
  weights: Record<ScoreComponentName, number>;
}

export interface SessionAnalysis {
  duration: number;
  /** How the words' times were obtained; pace and pauses are approximate when `estimated`. */
  timing: TranscriptTiming;
  words: TranscriptWord[];
  fillers: FillerAnalysis;
  /** null when the words have no times (plain text without a recording or a length). */
  wpm: PaceAnalysis | null;
  /** null when nothing tells where the silences were (plain text without a recording). */
  pauses: PauseAnalysis | null;
  energy: EnergyAnalysis | null;
  keywords: KeywordAnalysis;
  /** null when the length is unknown (plain text without a recording or a length). */
  targetTime: TargetTimeAnalysis | null;
  /** Share (0..1) of words recognized with low confidence; null when no word carries a confidence. */
  clarity: number | null;
  score: SessionScore;
  final: number;
}
