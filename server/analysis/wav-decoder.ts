// Decodes a RIFF/WAVE upload (PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE) into mono -1..1 samples.

import { AudioDecodeError } from './analysis-errors';
import type { DecodedAudio } from './session-types';

const FORMAT_PCM = 0x0001;
const FORMAT_IEEE_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = '';
  for (let i = offset; i < offset + length && i < bytes.length; i += 1) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** Names common non-WAV uploads so the user is told what they sent rather than "bad file". */
function describeForeignFormat(bytes: Uint8Array): string | null {
  const head = ascii(bytes, 0, 4);
  if (head.startsWith('ID3') || ((bytes[0] ?? 0) === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'MP3';
  if (head === 'OggS') return 'OGG';
  if (head === 'fLaC') return 'FLAC';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'WebM/Matroska';
  if (ascii(bytes, 4, 4) === 'ftyp') return 'MP4/M4A';
  if (head === 'RIFX') return 'big-endian WAV (RIFX)';
  return null;
}

/**
 * The sample rates a recording may declare. Below 8 kHz (telephone quality) no speech is left to analyse, and a lie
 * there turns a few kilobytes into hours of "audio"; above 384 kHz no recorder writes.
 */
export const SAMPLE_RATE_RANGE = { min: 8_000, max: 384_000 } as const;

interface WavFormat {
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

function readFormat(view: DataView, offset: number, size: number): WavFormat {
  if (size < 16) throw new AudioDecodeError('truncated', 'WAV "fmt " chunk is shorter than 16 bytes');
  let tag = view.getUint16(offset, true);
  const channels = view.getUint16(offset + 2, true);
  const sampleRate = view.getUint32(offset + 4, true);
  const byteRate = view.getUint32(offset + 8, true);
  const blockAlign = view.getUint16(offset + 12, true);
  const bitsPerSample = view.getUint16(offset + 14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (size < 40) throw new AudioDecodeError('truncated', 'WAVE_FORMAT_EXTENSIBLE "fmt " chunk is shorter than 40 bytes');
    // The first two bytes of the SubFormat GUID carry the real format tag.
    tag = view.getUint16(offset + 24, true);
  }
  const encoding = tag === FORMAT_PCM ? 'pcm' : tag === FORMAT_IEEE_FLOAT ? 'float' : null;
  if (encoding === null) {
    throw new AudioDecodeError('unsupported_encoding', `WAV encoding 0x${tag.toString(16)} is not supported; use PCM or IEEE float`);
  }
  const supportedBits = encoding === 'pcm' ? [8, 16, 24, 32] : [32, 64];
  if (!supportedBits.includes(bitsPerSample)) {
    throw new AudioDecodeError('unsupported_encoding', `${bitsPerSample}-bit ${encoding === 'pcm' ? 'PCM' : 'float'} WAV is not supported`);
  }
  if (channels < 1) throw new AudioDecodeError('malformed', 'WAV declares zero channels');
  if (sampleRate < SAMPLE_RATE_RANGE.min || sampleRate > SAMPLE_RATE_RANGE.max) {
    throw new AudioDecodeError('malformed', `WAV declares a sample rate of ${sampleRate} Hz; recordings must be between ${SAMPLE_RATE_RANGE.min} and ${SAMPLE_RATE_RANGE.max} Hz`);
  }
  if (blockAlign !== channels * (bitsPerSample / 8)) {
    throw new AudioDecodeError('malformed', `WAV block align ${blockAlign} does not match ${channels} channel(s) × ${bitsPerSample} bits`);
  }
  // The header states its byte rate twice over (rate, and rate × frame size): a header that disagrees with itself lies.
  if (byteRate !== sampleRate * blockAlign) {
    throw new AudioDecodeError('malformed', `WAV byte rate ${byteRate} does not match ${sampleRate} Hz × ${blockAlign}-byte frames`);
  }
  return { encoding, channels, sampleRate, blockAlign, bitsPerSample };
}

function sampleReader(view: DataView, format: WavFormat): (offset: number) => number {
  if (format.encoding === 'float') {
    return format.bitsPerSample === 32 ? (o) => view.getFloat32(o, true) : (o) => view.getFloat64(o, true);
  }
  switch (format.bitsPerSample) {
    case 8:
      return (o) => (view.getUint8(o) - 128) / 128;
    case 16:
      return (o) => view.getInt16(o, true) / 32768;
    case 24:
      return (o) => {
        const value = view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getInt8(o + 2) << 16);
        return value / 8388608;
      };
    default:
      return (o) => view.getInt32(o, true) / 2147483648;
  }
}

/**
 * Decodes WAV bytes and mixes all channels down to mono by averaging. A data chunk whose declared size runs past
 * the end of the file (common when a recorder is interrupted) is read up to the last whole frame; a missing or
 * cut-off header is refused. Float samples are clamped to -1..1 and NaN becomes 0 so later maths stays finite.
 */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const foreign = describeForeignFormat(bytes);
  if (foreign !== null) {
    throw new AudioDecodeError('not_wav', `${foreign} audio is not supported; please upload a WAV file`);
  }
  const startsRiff = ascii(bytes, 0, 4) === 'RIFF';
  if (startsRiff && bytes.length < 12) throw new AudioDecodeError('truncated', 'WAV header is truncated');
  if (!startsRiff || ascii(bytes, 8, 4) !== 'WAVE') {
    throw new AudioDecodeError('not_wav', 'Not a WAV file (missing RIFF/WAVE header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | null = null;
  let dataOffset = -1;
  let dataSize = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + Math.min(size, 40) > bytes.length || body + 16 > bytes.length) {
        throw new AudioDecodeError('truncated', 'WAV header is truncated inside the "fmt " chunk');
      }
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      dataOffset = body;
      dataSize = Math.min(size, bytes.length - body);
      break;
    }
    // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
    offset = body + size + (size % 2);
  }
  if (format === null) throw new AudioDecodeError('truncated', 'WAV header is truncated or has no "fmt " chunk');
  if (dataOffset < 0) throw new AudioDecodeError('truncated', 'WAV file has no "data" chunk (truncated?)');

  const frames = Math.floor(dataSize / format.blockAlign);
  if (frames === 0) throw new AudioDecodeError('truncated', 'WAV file has no audio samples');
  const bytesPerSample = format.bitsPerSample / 8;
  const read = sampleReader(view, format);
  const samples = new Float32Array(frames);
  let wild = 0;
  for (let frame = 0; frame < frames; frame += 1) {
    const frameOffset = dataOffset + frame * format.blockAlign;
    let sum = 0;
    for (let channel = 0; channel < format.channels; channel += 1) {
      const value = read(frameOffset + channel * bytesPerSample);
      if (!(Math.abs(value) <= 2)) wild += 1;
      sum += Number.isNaN(value) ? 0 : value;
    }
    const mono = sum / format.channels;
    samples[frame] = mono > 1 ? 1 : mono < -1 ? -1 : mono;
  }
  // Float data that is not float audio (16-bit samples under a header declaring 64-bit float, say) reads as values
  // far outside -1..1, infinities and NaNs: a real float recording has next to none of them.
  if (format.encoding === 'float' && wild > frames / 100) {
    throw new AudioDecodeError('malformed', `WAV declares ${format.bitsPerSample}-bit float samples, but ${Math.round((wild / frames) * 100)}% of them are not audio values: the data does not match its header`);
  }
  return { sampleRate: format.sampleRate, channels: format.channels, samples };
}
