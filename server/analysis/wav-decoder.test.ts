import { describe, expect, it } from 'vitest';
import { AudioDecodeError } from './analysis-errors';
import { decodeWav } from './wav-decoder';

type Encoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64';

/** Tiny WAV encoder for fixtures: interleaves `channels`, optionally as WAVE_FORMAT_EXTENSIBLE. */
function encodeWav(channels: Float32Array[], sampleRate: number, encoding: Encoding, extensible = false): Uint8Array {
  const bits = { pcm8: 8, pcm16: 16, pcm24: 24, pcm32: 32, float32: 32, float64: 64 }[encoding];
  const isFloat = encoding.startsWith('float');
  const bytesPerSample = bits / 8;
  const frames = channels[0]?.length ?? 0;
  const blockAlign = bytesPerSample * channels.length;
  const fmtSize = extensible ? 40 : 16;
  const dataSize = frames * blockAlign;
  const bytes = new Uint8Array(12 + 8 + fmtSize + 8 + dataSize);
  const view = new DataView(bytes.buffer);
  const writeAscii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  writeAscii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  writeAscii(8, 'WAVE');
  writeAscii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, extensible ? 0xfffe : isFloat ? 3 : 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bits, true);
  if (extensible) {
    view.setUint16(36, 22, true);
    view.setUint16(38, bits, true);
    view.setUint32(40, channels.length === 2 ? 3 : 4, true);
    view.setUint16(44, isFloat ? 3 : 1, true); // SubFormat GUID starts with the format tag
    bytes.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 46);
  }
  const dataAt = 20 + fmtSize;
  writeAscii(dataAt, 'data');
  view.setUint32(dataAt + 4, dataSize, true);
  let offset = dataAt + 8;
  for (let f = 0; f < frames; f += 1) {
    for (const channel of channels) {
      const v = Math.max(-1, Math.min(1, channel[f] ?? 0));
      if (encoding === 'pcm8') view.setUint8(offset, Math.max(0, Math.min(255, Math.round(v * 128 + 128))));
      else if (encoding === 'pcm16') view.setInt16(offset, Math.max(-32768, Math.min(32767, Math.round(v * 32768))), true);
      else if (encoding === 'pcm24') {
        const i = Math.max(-8388608, Math.min(8388607, Math.round(v * 8388608)));
        view.setUint8(offset, i & 0xff);
        view.setUint8(offset + 1, (i >> 8) & 0xff);
        view.setUint8(offset + 2, (i >> 16) & 0xff);
      } else if (encoding === 'pcm32') view.setInt32(offset, Math.max(-2147483648, Math.min(2147483647, Math.round(v * 2147483648))), true);
      else if (encoding === 'float32') view.setFloat32(offset, v, true);
      else view.setFloat64(offset, v, true);
      offset += bytesPerSample;
    }
  }
  return bytes;
}

function sine(hz: number, amplitude: number, seconds: number, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

function expectRefusal(bytes: Uint8Array, reason: string, message: RegExp): void {
  try {
    decodeWav(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(AudioDecodeError);
    expect((error as AudioDecodeError).code).toBe('unsupported_audio');
    expect((error as AudioDecodeError).reason).toBe(reason);
    expect((error as AudioDecodeError).message).toMatch(message);
    return;
  }
  throw new Error('expected decodeWav to refuse the input');
}

const reference = sine(440, 0.5, 0.05, 16000);

describe('decodeWav', () => {
  it.each<[Encoding, boolean, number]>([
    ['pcm8', false, 1 / 64],
    ['pcm16', false, 1e-4],
    ['pcm24', false, 1e-6],
    ['pcm32', false, 1e-6],
    ['float32', false, 1e-7],
    ['float64', false, 1e-7],
    ['pcm16', true, 1e-4],
    ['pcm24', true, 1e-6],
    ['float32', true, 1e-7],
  ])('decodes %s (extensible: %s) to the same mono samples', (encoding, extensible, tolerance) => {
    const audio = decodeWav(encodeWav([reference], 16000, encoding, extensible));
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels).toBe(1);
    expect(audio.samples.length).toBe(reference.length);
    expect(maxDifference(audio.samples, reference)).toBeLessThanOrEqual(tolerance);
  });

  it('mixes stereo down to mono by averaging', () => {
    const left = sine(440, 0.8, 0.05, 44100);
    const right = new Float32Array(left.length);
    const audio = decodeWav(encodeWav([left, right], 44100, 'pcm16'));
    expect(audio.channels).toBe(2);
    expect(audio.sampleRate).toBe(44100);
    const expected = left.map((v) => v / 2);
    expect(maxDifference(audio.samples, expected)).toBeLessThan(1e-4);
  });

  it('decodes extensible stereo float', () => {
    const channel = sine(220, 0.3, 0.02, 48000);
    const audio = decodeWav(encodeWav([channel, channel], 48000, 'float32', true));
    expect(maxDifference(audio.samples, channel)).toBeLessThan(1e-7);
  });

  it('maps extremes of 8-bit and 16-bit to -1..1', () => {
    const extremes = new Float32Array([-1, 0, 0.99]);
    expect([...decodeWav(encodeWav([extremes], 8000, 'pcm16')).samples]).toEqual([-1, 0, expect.closeTo(0.99, 4)]);
    expect(decodeWav(encodeWav([extremes], 8000, 'pcm8')).samples[0]).toBe(-1);
  });

  it('skips unknown chunks and odd-size padding before data', () => {
    const wav = encodeWav([reference], 16000, 'pcm16');
    const list = new Uint8Array([0x4c, 0x49, 0x53, 0x54, 3, 0, 0, 0, 1, 2, 3, 0]); // "LIST", 3 bytes + pad
    const withList = new Uint8Array(wav.length + list.length);
    withList.set(wav.subarray(0, 36), 0);
    withList.set(list, 36);
    withList.set(wav.subarray(36), 36 + list.length);
    expect(maxDifference(decodeWav(withList).samples, reference)).toBeLessThan(1e-4);
  });

  it('reads a data chunk cut short up to the last whole frame', () => {
    const wav = encodeWav([reference], 16000, 'pcm16');
    const audio = decodeWav(wav.subarray(0, wav.length - 3));
    expect(audio.samples.length).toBe(reference.length - 2);
  });

  it('refuses MP3, OGG and other formats by name', () => {
    expectRefusal(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'not_wav', /MP3/);
    expectRefusal(new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0]), 'not_wav', /MP3/);
    expectRefusal(new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 0, 0, 0, 0]), 'not_wav', /OGG/);
  });

  it('refuses garbage and empty input', () => {
    expectRefusal(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), 'not_wav', /Not a WAV/);
    expectRefusal(new Uint8Array(0), 'not_wav', /Not a WAV/);
  });

  it('refuses truncated headers', () => {
    const wav = encodeWav([reference], 16000, 'pcm16');
    expectRefusal(wav.subarray(0, 8), 'truncated', /truncated/);
    expectRefusal(wav.subarray(0, 30), 'truncated', /truncated/);
    expectRefusal(wav.subarray(0, 40), 'truncated', /no "data" chunk/);
  });

  it('refuses unsupported encodings', () => {
    const wav = encodeWav([reference], 16000, 'pcm16');
    const alaw = wav.slice();
    new DataView(alaw.buffer).setUint16(20, 6, true);
    expectRefusal(alaw, 'unsupported_encoding', /0x6/);
    const pcm12 = wav.slice();
    new DataView(pcm12.buffer).setUint16(34, 12, true);
    expectRefusal(pcm12, 'unsupported_encoding', /12-bit/);
  });
});
