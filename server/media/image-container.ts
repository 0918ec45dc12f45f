// Checks that an uploaded image is what its header says: dimensions within limits, read from the header before any
// pixel is decoded (a 50 000 × 50 000 PNG is refused before it could take gigabytes), then the whole image decoded,
// so a file cut off or whose data does not match its header is refused rather than stored and served to others.
// Well-kept pure-JS libraries do the reading: image-size (headers of every format), pngjs (PNG, with its CRCs and
// zlib stream), jpeg-js (baseline and progressive JPEG, with its own resolution and memory caps), bmp-ts (BMP).
import { decode as decodeBmp } from 'bmp-ts';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../errors';

/** The largest image accepted: a side of 8192 pixels, and 24 megapixels (a 6000 × 4000 camera photo). */
export const IMAGE_LIMITS = { maxSide: 8192, maxPixels: 24_000_000 } as const;

const FORMATS: Record<string, { name: string; sizeType: string; decode(bytes: Buffer): void }> = {
  'image/png': { name: 'PNG', sizeType: 'png', decode: (b) => void PNG.sync.read(b, { checkCRC: true }) },
  'image/jpeg': {
    name: 'JPEG',
    sizeType: 'jpg',
    decode: (b) => void jpeg.decode(b, { useTArray: true, maxResolutionInMP: IMAGE_LIMITS.maxPixels / 1e6, maxMemoryUsageInMB: 256 }),
  },
  'image/bmp': { name: 'BMP', sizeType: 'bmp', decode: (b) => void decodeBmp(b) },
};

const invalid = (message: string) => new AppError('validation_failed', { message, errors: [{ path: 'file', message }] });

/**
 * SECURITY: 422 unless `bytes` hold a whole, decodable image of the declared type within IMAGE_LIMITS. Returns its
 * dimensions. (The first bytes were already matched to the type by media-kinds.ts.)
 */
export function assertImageContainer(bytes: Uint8Array, contentType: string): { width: number; height: number } {
  const format = FORMATS[contentType];
  if (!format) throw invalid(`Images must be PNG, JPEG or BMP, not ${contentType}`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(buffer);
  } catch {
    throw invalid(`This ${format.name} image could not be read: its header is damaged or cut off`);
  }
  const { width = 0, height = 0 } = size;
  if (size.type !== format.sizeType) throw invalid(`This file is not a ${format.name} image`);
  if (width < 1 || height < 1) throw invalid(`This ${format.name} image declares no pixels (${width} × ${height})`);
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    throw invalid(`This image is ${width} × ${height} pixels; images may be at most ${IMAGE_LIMITS.maxSide} pixels a side and ${IMAGE_LIMITS.maxPixels / 1e6} megapixels`);
  }
  try {
    format.decode(buffer);
  } catch {
    throw invalid(`This ${format.name} image could not be read: it is cut off, or its data does not match its header`);
  }
  return { width, height };
}
