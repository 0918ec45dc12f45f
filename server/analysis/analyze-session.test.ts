import { describe, expect, it } from 'vitest';
import { ModuleValidationError, TranscriptValidationError } from './analysis-errors';
import { analyzeSession } from './analyze-session';
import type { DecodedAudio, TranscriptWord } from './session-types';

/** 150 words evenly over 60 s: "we offer a free trial with fair pricing" repeated, with confidences if asked. */
function pitchWords(withConfidence = false): TranscriptWord[] {
  const script = 'we offer a free trial with fair pricing for teams'.split(' ');
  return Array.from({ length: 150 }, (_, i) => {
    const word: TranscriptWord = { text: script[i % script.length] ?? 'x', start: i * 0.4, end: i * 0.4 + 0.4 };
    if (withConfidence) word.confidence = i % 10 === 0 ? 0.3 : 0.9;
    return word;
  });
}

/** Speech-like test voice: pitch wandering 100–180 Hz, loudness swinging between −23 and −11 dBFS peaks. */
function tone(seconds: number, sampleRate = 16000): DecodedAudio {
  const samples = new Float32Array(seconds * sampleRate);
  let phase = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const t = i / sampleRate;
    phase += (2 * Math.PI * (140 + 40 * Math.sin(2 * Math.PI * 0.25 * t))) / sampleRate;
    samples[i] = (0.25 + 0.15 * Math.sin(2 * Math.PI * 0.5 * t)) * Math.sin(phase);
  }
  return { sampleRate, channels: 1, samples };
}

const module = { keywords: ['free trial', 'price', 'onboarding'], targetTime: 60 };

describe('analyzeSession', () => {
  it('returns the documented shape with keys in a fixed order', () => {
    const result = analyzeSession({ words: pitchWords(), module });
    expect(Object.keys(result)).toEqual([
      'duration', 'timing', 'words', 'fillers', 'wpm', 'pauses', 'energy', 'keywords', 'targetTime', 'clarity', 'score', 'final',
    ]);
    expect(result.duration).toBe(60);
    expect(result.words).toHaveLength(150);
    expect(result.wpm!.average).toBe(150);
    expect(result.wpm!.ranges.good).toBe(1);
    expect(result.fillers.total).toBe(0);
    expect(result.pauses!.items).toEqual([]);
    expect(result.energy).toBeNull();
    expect(result.keywords).toEqual({
      hit: ['free trial', 'price'],
      missed: ['onboarding'],
      recommendation: 'You used 2 of 3 keywords. Work in: onboarding.',
    });
    expect(result.targetTime).toEqual({
      target: 60,
      actual: 60,
      delta: 0,
      recommendation: 'On time: 60 s against a 60 s target, within ±10 %.',
    });
    expect(result.clarity).toBeNull();
    expect(result.final).toBe(result.score.total);
  });

  it('drops clarity and energy from the score when unavailable and renormalizes', () => {
    const { score } = analyzeSession({ words: pitchWords(), module });
    expect(score.components.clarity).toBeNull();
    expect(score.components.energy).toBeNull();
    expect(score.weights).toEqual({ fillers: 0.25, pace: 0.25, pauses: 0.125, keywords: 0.25, targetTime: 0.125, clarity: 0, energy: 0 });
    // Everything perfect except keywords (2 of 3 → 67): 100 − 0.25 × 33 = 91.75 → 92
    expect(score.components.keywords).toEqual({
      score: 67,
      weight: 0.25,
      recommendation: 'You used 2 of 3 keywords. Work in: onboarding.',
    });
    expect(score.total).toBe(92);
  });

  it('reports clarity and scores it when confidences exist', () => {
    const result = analyzeSession({ words: pitchWords(true), module });
    expect(result.clarity).toBe(0.1);
    expect(result.score.components.clarity).toEqual({
      score: 80,
      weight: 0.1111,
      recommendation: '10% of words were hard to recognize. Finish your word endings and keep your voice up to the end of each sentence.',
    });
    expect(result.words[0]).toEqual({ text: 'we', start: 0, end: 0.4, confidence: 0.3 });
  });

  it('includes energy with audio and uses the audio length for duration', () => {
    const result = analyzeSession({ words: pitchWords(), audio: tone(62), module });
    expect(result.duration).toBe(62);
    expect(result.targetTime!.delta).toBe(2);
    expect(result.energy?.values).toHaveLength(620);
    expect(result.energy?.pitch.voicedShare).toBeGreaterThan(0.9);
    expect(result.score.components.energy).not.toBeNull();
    expect(Object.values(result.score.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('gives every score component a recommendation, reusing each metric\'s own text', () => {
    const result = analyzeSession({ words: pitchWords(true), audio: tone(62), module });
    const { components } = result.score;
    expect(Object.keys(components)).toEqual(['fillers', 'pace', 'pauses', 'keywords', 'targetTime', 'clarity', 'energy']);
    for (const component of Object.values(components)) {
      expect(Object.keys(component ?? {})).toEqual(['score', 'weight', 'recommendation']);
      expect(component?.recommendation.length).toBeGreaterThan(0);
    }
    expect(components.fillers?.recommendation).toBe(result.fillers.recommendation);
    expect(components.pace?.recommendation).toBe(result.wpm!.recommendation);
    expect(components.pauses?.recommendation).toBe(result.pauses!.recommendation);
    expect(components.keywords?.recommendation).toBe(result.keywords.recommendation);
    expect(components.targetTime?.recommendation).toBe(result.targetTime!.recommendation);
    expect(components.energy?.recommendation).toBe(result.energy?.recommendation);
    expect(components.clarity?.recommendation).toMatch(/^10% of words were hard to recognize/);
  });

  it('says when the pitch ran 30 s over its target', () => {
    const result = analyzeSession({ words: pitchWords(), module: { ...module, targetTime: 30 } });
    expect(result.targetTime!.delta).toBe(30);
    expect(result.targetTime!.recommendation).toBe(
      'Too long by 30 s (60 s against a 30 s target). Trim to 33 s or less by cutting detail that does not support your key points.',
    );
    expect(result.score.components.targetTime?.recommendation).toBe(result.targetTime!.recommendation);
  });

  it('keeps the total within 0..100 for a poor pitch', () => {
    const words: TranscriptWord[] = Array.from({ length: 40 }, (_, i) => ({ text: i % 2 ? 'um' : 'uh', start: i * 3, end: i * 3 + 0.2 }));
    const result = analyzeSession({ words, module: { keywords: ['demo'], targetTime: 30 }, audio: { sampleRate: 8000, channels: 1, samples: new Float32Array(8000) } });
    expect(result.fillers.total).toBe(40);
    expect(result.pauses!.longCount).toBe(39);
    expect(result.score.total).toBeGreaterThanOrEqual(0);
    expect(result.score.total).toBeLessThanOrEqual(20);
    expect(Number.isInteger(result.final)).toBe(true);
  });

  it('is deterministic: byte-identical JSON, with and without audio', () => {
    const run = (audio: DecodedAudio | null) => JSON.stringify(analyzeSession({ words: pitchWords(true), audio, module }));
    expect(run(null)).toBe(run(null));
    const first = run(tone(20));
    const second = run(tone(20));
    expect(first).toBe(second);
    expect(JSON.parse(first)).toEqual(analyzeSession({ words: pitchWords(true), audio: tone(20), module }));
  });

  it('throws TranscriptValidationError naming the bad word', () => {
    const words = pitchWords();
    words[3] = { text: 'oops', start: 1.2, end: 1.0 };
    expect(() => analyzeSession({ words, module })).toThrow(TranscriptValidationError);
    try {
      analyzeSession({ words, module });
    } catch (error) {
      expect((error as TranscriptValidationError).issues).toEqual([{ path: 'words.3.end', message: 'end (1) is before start (1.2)' }]);
    }
    expect(() => analyzeSession({ words: [], module })).toThrow(/transcript is empty/);
  });

  it('throws ModuleValidationError for bad module expectations', () => {
    expect(() => analyzeSession({ words: pitchWords(), module: { keywords: ['ok'], targetTime: -5 } })).toThrow(ModuleValidationError);
  });

  it('drops keywords and target time from the score when the module sets none', () => {
    const { score, keywords, targetTime } = analyzeSession({ words: pitchWords(), module: { keywords: [], targetTime: 0 } });
    expect(keywords.recommendation).toBe('This module lists no keywords, so none were checked.');
    expect(targetTime!.recommendation).toBe('This module sets no target time, so length was not checked.');
    expect(score.components.keywords).toBeNull();
    expect(score.components.targetTime).toBeNull();
    expect(score.total).toBe(100);
  });
});
