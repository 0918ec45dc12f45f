// What may be uploaded: per kind, the accepted content types, the size limit (API.md §1), how the first bytes
// prove the format, so a declared content type cannot smuggle another format in, and — where the kind is small enough
// to check whole on arrival — how the whole file proves it (images: image-container.ts).
import { AppError } from '../errors';
import { assertImageContainer } from './image-container';

export const MEDIA_KINDS = ['image', 'audio', 'pdf', 'csv'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

type KindSpec = {
  maxBytes: number;
  /** Declared type → the canonical type stored. */
  types: Record<string, string>;
  /** How many leading bytes the signature check needs. */
  sniffBytes: number;
  matches(head: Uint8Array, canonical: string): boolean;
  /** Checks the whole file once it arrived (throws an AppError); kinds without it are checked where they are used. */
  validate?(bytes: Uint8Array, canonical: string): void;
  describe: string;
};

const MB = 1024 * 1024;
const ascii = (head: Uint8Array, at: number, text: string) => [...text].every((c, i) => head[at + i] === c.charCodeAt(0));

const IMAGE_SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'image/bmp': (b) => ascii(b, 0, 'BM'),
};

export const KIND_SPECS: Record<MediaKind, KindSpec> = {
  image: {
    maxBytes: 5 * MB,
    types: { 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/png': 'image/png', 'image/bmp': 'image/bmp' },
    sniffBytes: 8,
    matches: (head, type) => IMAGE_SIGNATURES[type]!(head),
    validate: (bytes, type) => void assertImageContainer(bytes, type),
    describe: 'a JPEG, PNG or BMP image',
  },
  audio: {
    maxBytes: 50 * MB,
    types: { 'audio/wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/x-wav': 'audio/wav', 'audio/vnd.wave': 'audio/wav' },
    sniffBytes: 12,
    matches: (head) => ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE'),
    describe: 'a WAV recording',
  },
  pdf: {
    maxBytes: 20 * MB,
    types: { 'application/pdf': 'application/pdf' },
    sniffBytes: 5,
    matches: (head) => ascii(head, 0, '%PDF-'),
    describe: 'a PDF document',
  },
  csv: {
    maxBytes: 50 * MB,
    types: { 'text/csv': 'text/csv', 'application/csv': 'text/csv', 'text/plain': 'text/csv' },
    sniffBytes: 4096,
    // Text, not a binary file renamed: UTF-16 announced by its byte-order mark, or else no NUL byte and valid UTF-8,
    // in the first 4 KB (a cut-off last character is fine).
    matches: (head) => validUtf16Prefix(head) || (!head.includes(0) && validUtf8Prefix(head)),
    describe: 'a CSV file in UTF-8 (or UTF-16 with a byte-order mark)',
  },
};

function validUtf16Prefix(bytes: Uint8Array): boolean {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!encoding) return false;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, bytes.byteLength - (bytes.byteLength % 2)), { stream: true });
    return !text.includes('\u0000');
  } catch {
    return false;
  }
}

function validUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

// The formats by name, for messages a person reads ("This file is not really a PNG image").
const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/bmp': 'a BMP image',
  'audio/wav': 'a WAV recording',
  'application/pdf': 'a PDF document',
  'text/csv': 'a CSV file',
};

export const mediaTooLarge = (kind: MediaKind) =>
  new AppError('payload_too_large', { message: `This file is larger than ${KIND_SPECS[kind].maxBytes / MB} MB, the limit for ${KIND_SPECS[kind].describe}. Choose a smaller one.` });

/** The canonical content type for a declared one, or 415 naming what is accepted. */
export function acceptedType(kind: MediaKind, declared: string | null): string {
  const type = declared?.split(';')[0]?.trim().toLowerCase() ?? '';
  const canonical = KIND_SPECS[kind].types[type];
  if (!canonical) {
    throw new AppError('unsupported_media_type', { message: `Choose ${KIND_SPECS[kind].describe} (sent as ${Object.keys(KIND_SPECS[kind].types).join(', ')})` });
  }
  return canonical;
}

/** 415 unless the first bytes are of the declared format. */
export function assertSignature(kind: MediaKind, canonical: string, head: Uint8Array): void {
  const choose = `Choose ${KIND_SPECS[kind].describe}.`;
  if (head.length === 0) throw new AppError('validation_failed', { message: `This file is empty. ${choose}`, errors: [{ path: 'file', message: 'The file is empty' }] });
  if (!KIND_SPECS[kind].matches(head, canonical)) {
    // Said plainly, for whoever picked the file; the content type is still named for those sending it by hand.
    throw new AppError('unsupported_media_type', { message: `This file is not really ${TYPE_NAMES[canonical] ?? canonical}, though it was sent as ${canonical}. ${choose}` });
  }
}
