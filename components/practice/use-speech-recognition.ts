'use client';
// The browser's own speech recognition, where it has one, listening while the rep records: each final phrase becomes
// a WebVTT cue timed by when it was heard, so a session can be scored even without a speech-to-text service.
import { useCallback, useRef, useState } from 'react';

type Cue = { start: number; end: number; text: string };

type RecognitionLike = {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((e: { resultIndex: number; results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }> }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  start(): void;
  stop(): void;
};

const vttTime = (s: number) => {
  const ms = Math.round(s * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

export function cuesToVtt(cues: readonly Cue[]): string {
  return `WEBVTT\n\n${cues.map((c) => `${vttTime(c.start)} --> ${vttTime(Math.max(c.end, c.start + 0.3))}\n${c.text}`).join('\n\n')}\n`;
}

export function useSpeechRecognition() {
  const [available] = useState(() => typeof window !== 'undefined' && !!((window as unknown as Record<string, unknown>).SpeechRecognition ?? (window as unknown as Record<string, unknown>).webkitSpeechRecognition));
  const [failed, setFailed] = useState(false);
  const recognition = useRef<RecognitionLike | null>(null);
  const cues = useRef<Cue[]>([]);
  const clock = useRef<() => number>(() => 0);

  /** `now` gives seconds since the recording started, so cues line up with the audio. */
  const start = useCallback((now: () => number) => {
    cues.current = [];
    clock.current = now;
    setFailed(false);
    const w = window as unknown as Record<string, new () => RecognitionLike>;
    const Ctor = w.SpeechRecognition ?? w.webkitSpeechRecognition;
    if (!Ctor) return;
    try {
      const r = new Ctor();
      r.continuous = true;
      r.interimResults = false;
      r.lang = navigator.language || 'en-US';
      r.onresult = (e) => {
        for (let i = e.resultIndex; i < e.results.length; i++) {
          const result = e.results[i]!;
          if (!result.isFinal) continue;
          const text = result[0].transcript.trim();
          if (!text) continue;
          const end = clock.current();
          const start = cues.current.at(-1)?.end ?? 0;
          cues.current.push({ start: Math.min(start, end), end, text });
        }
      };
      // No service (offline, blocked, headless): the recording still goes up; words come from elsewhere.
      r.onerror = () => setFailed(true);
      r.start();
      recognition.current = r;
    } catch {
      setFailed(true);
    }
  }, []);

  /** Stops listening; the WebVTT of what was heard, or null when nothing was. */
  const stop = useCallback((): string | null => {
    try {
      recognition.current?.stop();
    } catch {
      // Already stopped.
    }
    recognition.current = null;
    return cues.current.length ? cuesToVtt(cues.current) : null;
  }, []);

  return { available: available && !failed, start, stop };
}
