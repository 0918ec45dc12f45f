'use client';
// Records the microphone in the browser: asks for permission (and says clearly when it is refused or there is no
// microphone), captures PCM with an AudioWorklet (a ScriptProcessor where there is none), measures the level for the
// meter and the elapsed (captured) time, and on stop encodes a 16 kHz WAV.
import { useCallback, useEffect, useRef, useState } from 'react';
import { encodeWav, resample } from './wav-encoder';

export type RecorderPhase = 'idle' | 'requesting' | 'recording' | 'stopped' | 'blocked';
export type Recording = { wav: Blob; url: string; seconds: number };

const WORKLET = `
class Capture extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor('pitchcraft-capture', Capture);
`;

/** Why recording cannot start, in words a rep can act on. */
function describe(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'Microphone access is blocked. Allow the microphone for this site (the icon in the address bar), then try again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found. Connect one, or choose one in your system’s sound settings, then try again.';
  if (name === 'NotReadableError') return 'The microphone is busy in another app (a call, another tab). Close it, then try again.';
  return 'The microphone could not be started. Check it is connected and allowed for this site, then try again.';
}

type Live = { stream: MediaStream; owned: boolean; context: AudioContext; blocks: Float32Array[]; timer: number; nodes: AudioNode[] };

/** The captured PCM as a 16 kHz WAV. */
function encode(l: Live): Recording {
  const samples = resample(l.blocks, l.context.sampleRate);
  const wav = new Blob([encodeWav(samples) as BlobPart], { type: 'audio/wav' });
  return { wav, url: URL.createObjectURL(wav), seconds: samples.length / 16_000 };
}

export type RecorderOptions = {
  /** Record this stream's audio (e.g. a call's own microphone) instead of asking for the microphone again; it is left running. */
  stream?: () => MediaStream | null;
  /** Called with what was captured when the component goes away mid-recording (a call that ends), instead of dropping it. */
  onAbandoned?: (recording: Recording) => void;
};

export function useRecorder(onTick?: (seconds: number) => void, options: RecorderOptions = {}) {
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const [level, setLevel] = useState(0);
  const [elapsed, setElapsed] = useState(0);
  const [recording, setRecording] = useState<Recording | null>(null);
  const live = useRef<Live | null>(null);
  const tick = useRef(onTick);
  tick.current = onTick;
  const opts = useRef(options);
  opts.current = options;

  const release = useCallback(() => {
    const l = live.current;
    if (!l) return;
    window.clearInterval(l.timer);
    for (const node of l.nodes) node.disconnect();
    if (l.owned) for (const track of l.stream.getTracks()) track.stop();
    void l.context.close().catch(() => undefined);
    live.current = null;
  }, []);

  useEffect(
    () => () => {
      const l = live.current;
      if (l && opts.current.onAbandoned) opts.current.onAbandoned(encode(l));
      release();
    },
    [release],
  );
  useEffect(() => () => void (recording && URL.revokeObjectURL(recording.url)), [recording]);

  const start = useCallback(async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia || typeof AudioContext === 'undefined') {
      setPhase('blocked');
      setProblem('This browser cannot record audio. Use a recent Chrome, Edge, Firefox or Safari, or score a transcript instead.');
      return;
    }
    setPhase('requesting');
    const given = opts.current.stream?.();
    const owned = !given || given.getAudioTracks().length === 0;
    let stream: MediaStream;
    try {
      stream = owned ? await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: true } }) : new MediaStream(given.getAudioTracks());
    } catch (error) {
      setPhase('blocked');
      setProblem(describe(error));
      return;
    }
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    source.connect(analyser);
    const blocks: Float32Array[] = [];
    // The elapsed time is what was captured, not what the clock says: on a busy machine the audio thread delivers
    // late, and the timer (and the speech timings read from it) must match the recording that is saved.
    let frames = 0;
    const keep = (block: Float32Array) => {
      blocks.push(block);
      frames += block.length;
    };
    const nodes: AudioNode[] = [source, analyser];
    try {
      const url = URL.createObjectURL(new Blob([WORKLET], { type: 'application/javascript' }));
      await context.audioWorklet.addModule(url);
      URL.revokeObjectURL(url);
      const capture = new AudioWorkletNode(context, 'pitchcraft-capture');
      capture.port.onmessage = (e: MessageEvent<Float32Array>) => keep(e.data);
      source.connect(capture);
      nodes.push(capture);
    } catch {
      // Older browsers: the deprecated ScriptProcessor still delivers the same PCM.
      const processor = context.createScriptProcessor(4096, 1, 1);
      processor.onaudioprocess = (e) => keep(new Float32Array(e.inputBuffer.getChannelData(0)));
      source.connect(processor);
      processor.connect(context.destination);
      nodes.push(processor);
    }
    const samples = new Float32Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      // RMS in dBFS mapped to 0..1 over −60..0 dB, which is where speech lives.
      const db = 20 * Math.log10(Math.sqrt(sum / samples.length) || 1e-6);
      setLevel(Math.max(0, Math.min(1, (db + 60) / 60)));
      const seconds = frames / context.sampleRate;
      setElapsed(seconds);
      tick.current?.(seconds);
    }, 100);
    live.current = { stream, owned, context, blocks, timer, nodes };
    setElapsed(0);
    setPhase('recording');
  }, []);

  const stop = useCallback(() => {
    const l = live.current;
    if (!l) return null;
    const captured = encode(l);
    release();
    setRecording(captured);
    setLevel(0);
    setPhase('stopped');
    return captured;
  }, [release]);

  const redo = useCallback(() => {
    release();
    setRecording(null);
    setElapsed(0);
    setLevel(0);
    setProblem(null);
    setPhase('idle');
  }, [release]);

  return { phase, problem, level, elapsed, recording, start, stop, redo };
}
