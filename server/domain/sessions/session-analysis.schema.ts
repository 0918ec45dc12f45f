// The engine's SessionAnalysis as a zod schema, so the REST reference documents every number a session carries.
// The engine (server/analysis) stays free of schema libraries; its types and this schema are checked against each
// other at compile time below.
import { z } from 'zod';
import type { SessionAnalysis } from '../../analysis';

export const transcriptWordDto = z
  .object({ text: z.string(), start: z.number().meta({ description: 'seconds' }), end: z.number().meta({ description: 'seconds' }), confidence: z.number().optional().meta({ description: '0..1' }) })
  .meta({ id: 'TranscriptWord' });

export const fillerAnalysisDto = z
  .object({
    total: z.number().int(),
    summary: z.record(z.string(), z.number().int()).meta({ description: 'count per filler, e.g. { "um": 3 }' }),
    locations: z.array(z.object({ index: z.number().int().meta({ description: 'index in words' }), start: z.number(), word: z.string() })),
    recommendation: z.string(),
  })
  .meta({ id: 'FillerAnalysis' });

export const paceAnalysisDto = z
  .object({
    average: z.number().meta({ description: 'words per minute' }),
    series: z.array(z.object({ t: z.number().meta({ description: 'window centre, seconds' }), wpm: z.number() })),
    ranges: z.object({ slow: z.number(), good: z.number(), fast: z.number() }).meta({ description: 'share of time (0..1) slow, in the good band, fast' }),
    recommendation: z.string(),
  })
  .meta({ id: 'PaceAnalysis' });

export const pauseAnalysisDto = z
  .object({
    items: z.array(z.object({ start: z.number(), duration: z.number() })),
    longest: z.number(),
    longCount: z.number().int(),
    recommendation: z.string(),
  })
  .meta({ id: 'PauseAnalysis' });

export const energyAnalysisDto = z
  .object({
    values: z.array(z.number()).meta({ description: 'RMS level per window, dBFS' }),
    windowSeconds: z.number(),
    average: z.number(),
    vocalVariation: z.number().meta({ description: 'standard deviation of the spoken windows, dB' }),
    pitch: z.object({
      contour: z.array(z.object({ t: z.number(), hz: z.number().nullable() })),
      average: z.number().nullable(),
      variation: z.number().meta({ description: 'semitones' }),
      voicedShare: z.number(),
    }),
    recommendation: z.string(),
  })
  .meta({ id: 'EnergyAnalysis' });

export const keywordAnalysisDto = z
  .object({ hit: z.array(z.string()), missed: z.array(z.string()), recommendation: z.string() })
  .meta({ id: 'KeywordAnalysis' });

export const targetTimeAnalysisDto = z
  .object({ target: z.number(), actual: z.number(), delta: z.number().meta({ description: 'actual − target, seconds; positive ran long' }), recommendation: z.string() })
  .meta({ id: 'TargetTimeAnalysis' });

const component = z.object({ score: z.number().int(), weight: z.number(), recommendation: z.string() }).nullable();
const COMPONENTS = ['fillers', 'pace', 'pauses', 'keywords', 'targetTime', 'clarity', 'energy'] as const;

export const sessionScoreDto = z
  .object({
    total: z.number().int(),
    components: z.object(Object.fromEntries(COMPONENTS.map((c) => [c, component])) as Record<(typeof COMPONENTS)[number], typeof component>),
    weights: z.object(Object.fromEntries(COMPONENTS.map((c) => [c, z.number()])) as Record<(typeof COMPONENTS)[number], z.ZodNumber>),
  })
  .meta({ id: 'SessionScore', description: 'Each available component 0–100 with its weight; unavailable components are null and their weight is shared out' });

export const sessionAnalysisDto = z.object({
  duration: z.number().meta({ description: 'seconds' }),
  timing: z.enum(['measured', 'estimated', 'none']),
  words: z.array(transcriptWordDto),
  fillers: fillerAnalysisDto,
  wpm: paceAnalysisDto.nullable(),
  pauses: pauseAnalysisDto.nullable(),
  energy: energyAnalysisDto.nullable().meta({ description: 'From the audio; null without a recording' }),
  keywords: keywordAnalysisDto,
  targetTime: targetTimeAnalysisDto.nullable(),
  clarity: z.number().nullable().meta({ description: 'Share (0..1) of low-confidence words; null when no word has a confidence' }),
  score: sessionScoreDto,
  final: z.number().int().meta({ description: 'The score, 0–100' }),
});

// Compile-time guard: the engine's output must fit this schema (a new engine field fails the type-check here).
type Assert<T extends true> = T;
export type AnalysisFitsSchema = Assert<SessionAnalysis extends z.input<typeof sessionAnalysisDto> ? true : false>;
