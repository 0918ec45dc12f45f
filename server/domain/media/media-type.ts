// Recognises uploaded files by their first bytes, so a declared content type cannot smuggle another format in.
import { AppError } from '../../errors';

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Array<{ type: string; name: string; test: (b: Uint8Array) => boolean }> = [
  { type: 'image/jpeg', name: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', name: 'PNG', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  { type: 'image/bmp', name: 'BMP', test: (b) => b[0] === 0x42 && b[1] === 0x4d },
];
const CHOOSE = 'Choose a JPEG, PNG or BMP picture';

/** Checks that the bytes are one of the allowed image types and match the declared one. */
export function assertImage(bytes: Uint8Array, declared: string | null): string {
  const type = declared?.split(';')[0]?.trim().toLowerCase() ?? '';
  const allowed = SIGNATURES.map((s) => s.type);
  if (!allowed.includes(type)) {
    throw new AppError('unsupported_media_type', { message: `${CHOOSE} (sent as ${allowed.join(', ')})` });
  }
  if (bytes.length === 0) throw new AppError('validation_failed', { message: `This file is empty. ${CHOOSE}.`, errors: [{ path: '(body)', message: 'The file is empty' }] });
  if (bytes.length > IMAGE_MAX_BYTES) throw new AppError('payload_too_large', { message: 'This picture is larger than 5 MB. Choose a smaller one.' });
  const expected = SIGNATURES.find((s) => s.type === type)!;
  if (!expected.test(bytes)) {
    const message = `This file is not a ${expected.name} picture, though it was sent as one. ${CHOOSE}.`;
    throw new AppError('validation_failed', { message, errors: [{ path: '(body)', message }] });
  }
  return type;
}
