// WAV files for tests and benchmarks: 16-bit PCM mono, a voice-like tone that glides and pauses, so the engine finds
// pitch, loudness variation and silence in it.
export function makeWav(opts: { seconds: number; sampleRate?: number; silent?: boolean }): Uint8Array {
  const rate = opts.sampleRate ?? 16_000;
  const frames = Math.round(opts.seconds * rate);
  const bytes = new Uint8Array(44 + frames * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + frames * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, frames * 2, true);
  let phase = 0;
  for (let i = 0; i < frames; i++) {
    const t = i / rate;
    const hz = 120 + 60 * Math.sin(t * 1.3);
    phase += (2 * Math.PI * hz) / rate;
    // Syllable-like loudness, with a short gap every 1.5 s.
    const voiced = !opts.silent && t % 1.5 < 1.2;
    const level = voiced ? 0.15 + 0.25 * Math.abs(Math.sin(t * 4)) : 0;
    const v = level * (Math.sin(phase) + 0.3 * Math.sin(2 * phase));
    view.setInt16(44 + i * 2, Math.max(-32768, Math.min(32767, Math.round(v * 32767))), true);
  }
  return bytes;
}
