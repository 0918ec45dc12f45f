// Shapes of practice sessions: what a recording is submitted with, the filters of the lists, and the DTOs.
import { z } from 'zod';
import { decimalInteger } from '../shared/decimal-integer';
import { singleLineText } from '../shared/single-line-text';
import { energyAnalysisDto, fillerAnalysisDto, keywordAnalysisDto, paceAnalysisDto, pauseAnalysisDto, sessionScoreDto, targetTimeAnalysisDto, transcriptWordDto } from './session-analysis.schema';

/** Generous for a 1-hour talk (≈ 10,000 words of JSON with timings); anything larger is not a practice pitch. */
export const TRANSCRIPT_MAX_CHARS = 2_000_000;

export const transcriptInput = z
  .union([
    z.string().min(1, 'transcript is empty').max(TRANSCRIPT_MAX_CHARS, 'transcript is too long'),
    z.looseObject({ words: z.array(z.unknown()).optional(), segments: z.array(z.unknown()).optional() }),
    z.array(z.unknown()),
  ])
  .meta({
    id: 'TranscriptInput',
    description:
      'The words with their timings: `{ "words": [{ "text", "start", "end", "confidence"? }] }` (seconds), an OpenAI-style `verbose_json` transcription, or WebVTT text (starting with `WEBVTT`). Words must not go back in time and must not end before they start. Or plain text (the words alone, any other string not starting with `{` or `[`): over a recording they are spread across its voiced stretches, otherwise evenly over `duration` when given; such timings are marked `transcript.timing: "estimated"` (without either, `"none"`: fillers and keywords score, pace, pauses and length do not).',
    example: { words: [{ text: 'Hi', start: 0.2, end: 0.45 }, { text: 'um', start: 0.6, end: 0.8, confidence: 0.9 }, { text: 'thanks', start: 1.1, end: 1.5 }] },
  });

/** The longest opportunity name: a deal or a customer, not a note. */
export const OPPORTUNITY_MAX = 200;

// A clock a little ahead of ours is not an error; a session recorded next week is.
const CLOCK_SKEW_MS = 5 * 60_000;

/** What describes a recording besides its words and audio (multipart uploads send these as form fields). */
export const sessionFieldsInput = z
  .object({
    moduleId: z.uuid('must be a module id'),
    opportunity: singleLineText({ max: OPPORTUNITY_MAX }).nullable().optional().meta({ description: 'The deal or customer this pitch was practised for' }),
    recordedAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 timestamp' })
      .refine((v) => Date.parse(v) <= Date.now() + CLOCK_SKEW_MS, { message: 'must not be in the future' })
      .optional()
      .meta({ description: 'When it was recorded; defaults to now' }),
  })
  .strict();

/** How long a pitch took, for a plain-text transcript without a recording (so pace and length can be measured). */
export const sessionDurationInput = z
  .number('must be a number of seconds')
  .positive('must be more than 0 seconds')
  .max(4 * 3600, 'must be at most 4 hours (14400 seconds)')
  .meta({ description: 'Seconds the pitch took: only with a plain-text transcript and no recording, so pace and length can be scored' });

export const createSessionInput = sessionFieldsInput.extend({ transcript: transcriptInput, duration: sessionDurationInput.optional() }).strict().meta({ id: 'CreateSessionInput' });

export const SESSION_ORDERING = ['recordedAt', 'score', 'duration', 'createdAt'] as const;

const uuidList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.uuid(`must be ${what} id (or a comma list of them)`)).max(100));
const score = decimalInteger.pipe(z.number().min(0, 'must be 0–100').max(100, 'must be 0–100'));

/** Filters of GET /sessions (query strings or arrays) with the date range of API.md §1 (`from`, `to`, `tz`, `timezoneoffset`). */
export const sessionQueryInput = z
  .object({
    userId: uuidList('a user').optional(),
    moduleId: uuidList('a module').optional(),
    productId: uuidList('a product').optional(),
    teamId: uuidList('a team').optional(),
    minScore: score.optional(),
    maxScore: score.optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    tz: z.string().optional(),
    timezoneoffset: z.union([z.string(), z.number()]).optional(),
  })
  .strict()
  .refine((v) => v.minScore === undefined || v.maxScore === undefined || v.minScore <= v.maxScore, { message: 'must not be above maxScore', path: ['minScore'] });

export type SessionQuery = z.input<typeof sessionQueryInput>;

export const transcriptTimingEnum = z
  .enum(['measured', 'estimated', 'none'])
  .meta({ id: 'TranscriptTiming', description: 'measured: the words came with their times; estimated: plain text spread over the recording (or the stated duration), so pace and pauses are approximate; none: plain text alone (no pace, pauses or length)' });

export const transcriptStatusEnum = z
  .enum(['ready', 'pending', 'failed', 'missing'])
  .meta({ id: 'TranscriptStatus', description: 'ready: analyzed; pending: speech-to-text is running; failed: it failed (retry or add one); missing: no words yet' });

const person = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), image: z.string().nullable() });
const named = z.object({ id: z.uuid().nullable().meta({ description: 'null once deleted' }), name: z.string() });

export const sessionSummaryDto = z
  .object({
    id: z.uuid(),
    user: person,
    module: named,
    product: named,
    opportunity: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    duration: z.number().meta({ description: 'seconds' }),
    score: z.number().int().nullable().meta({ description: '0–100; a recording without words is scored on its pauses, length and energy alone; null when nothing could be measured' }),
    transcriptStatus: transcriptStatusEnum,
    hasAudio: z.boolean(),
    callId: z.uuid().nullable().meta({ description: 'The live call this session is the recording of (scored on delivery: no module); null for practice' }),
  })
  .meta({ id: 'SessionSummary' });

export const sessionDto = sessionSummaryDto
  .omit({ score: true })
  .extend({
    createdAt: z.iso.datetime(),
    audioUrl: z.string().nullable().meta({ description: 'The recording (GET, supports Range); null without audio' }),
    transcript: z.object({
      status: transcriptStatusEnum,
      source: z.enum(['upload', 'speech_to_text', 'browser']).nullable(),
      timing: transcriptTimingEnum.nullable().meta({ description: 'How the words got their times; null without words' }),
      error: z.string().nullable().meta({ description: 'Why speech-to-text failed' }),
      message: z.string().nullable().meta({ description: 'What the session still needs, in plain words; null when analyzed' }),
    }),
    expectations: z.object({ keywords: z.array(z.string()), targetTime: z.number() }).meta({ description: 'What the module asked for when this was recorded' }),
    words: z.array(transcriptWordDto),
    highlights: z
      .object({
        fillers: z.array(z.object({ index: z.number().int(), length: z.number().int(), word: z.string() })),
        keywords: z.array(z.object({ index: z.number().int(), length: z.number().int(), keyword: z.string() })),
      })
      .meta({ description: 'Word ranges (index in words, number of words) where each filler and module keyword was said' }),
    fillers: fillerAnalysisDto.nullable(),
    wpm: paceAnalysisDto.nullable(),
    pauses: pauseAnalysisDto.nullable(),
    energy: energyAnalysisDto.nullable().meta({ description: 'From the audio; null without a recording' }),
    keywords: keywordAnalysisDto.nullable(),
    targetTime: targetTimeAnalysisDto.nullable(),
    clarity: z.number().nullable(),
    score: sessionScoreDto.nullable().meta({ description: 'The score with its component breakdown (a recording without words: pauses, length and energy only)' }),
    final: z.number().int().nullable().meta({ description: 'The score, 0–100; null only when nothing could be measured' }),
  })
  .meta({ id: 'Session', description: 'A practice session with its full analysis. Word-based parts (fillers, pace, keywords) are null until it has a transcript.' });

export const userSessionsDto = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    image: z.string().nullable(),
    count: z.number().int(),
    sessions: z.array(
      z.object({ id: z.uuid(), module: named, product: named, opportunity: z.string().nullable(), date: z.iso.datetime(), duration: z.number(), score: z.number().int().nullable() }),
    ),
  })
  .meta({ id: 'UserSessions' });

export const scoreTrendDto = z.object({
  points: z.array(z.object({ id: z.uuid(), recordedAt: z.iso.datetime(), score: z.number().int(), module: z.string() })),
  truncated: z.boolean(),
});

export type SessionDto = z.infer<typeof sessionDto>;
export type SessionSummaryDto = z.infer<typeof sessionSummaryDto>;
export type UserSessionsDto = z.infer<typeof userSessionsDto>;
export type ScoreTrendDto = z.infer<typeof scoreTrendDto>;
