// Turns the microphone's PCM (Float32 blocks at the audio context's rate) into a 16-bit mono WAV at 16 kHz: plenty
// for speech and pitch, and a third of the size of 48 kHz, so a long pitch uploads quickly.

export const RECORDING_RATE = 16_000;

/** Averages the input samples that fall into each output sample (a box filter), which also curbs aliasing. */
export function resample(blocks: readonly Float32Array[], inputRate: number, outputRate = RECORDING_RATE): Float32Array {
  const total = blocks.reduce((n, b) => n + b.length, 0);
  if (inputRate === outputRate) {
    const out = new Float32Array(total);
    let at = 0;
    for (const b of blocks) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }
  const ratio = inputRate / outputRate;
  const out = new Float32Array(Math.floor(total / ratio));
  let sum = 0;
  let count = 0;
  let next = ratio;
  let index = 0;
  let o = 0;
  for (const block of blocks) {
    for (let i = 0; i < block.length && o < out.length; i++, index++) {
      sum += block[i]!;
      count++;
      if (index + 1 >= next) {
        out[o++] = sum / count;
        sum = 0;
        count = 0;
        next += ratio;
      }
    }
  }
  return out;
}

/** A RIFF/WAVE file, PCM 16-bit little-endian, mono. */
export function encodeWav(samples: Float32Array, sampleRate = RECORDING_RATE): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, Math.round(s < 0 ? s * 32768 : s * 32767), true);
  }
  return bytes;
}
