// Checks that an uploaded image is what its header says: dimensions within limits, read from the header before any
// pixel is decoded (a 50 000 × 50 000 PNG is refused before it could take gigabytes), then the whole image decoded,
// so a file cut off or whose data does not match its header is refused rather than stored and served to others.
// Well-kept pure-JS libraries do the reading: image-size (headers of every format), pngjs (PNG, with its CRCs and
// zlib stream), jpeg-js (baseline and progressive JPEG, with its own resolution and memory caps), bmp-ts (BMP).
// One check is ours: a PNG's pixel data must inflate to exactly the size its header declares (pngDataMatchesHeader).
import zlib from 'node:zlib';
import { decode as decodeBmp } from 'bmp-ts';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../errors';

/** The largest image accepted: a side of 8192 pixels, and 24 megapixels (a 6000 × 4000 camera photo). */
export const IMAGE_LIMITS = { maxSide: 8192, maxPixels: 24_000_000 } as const;

const FORMATS: Record<string, { name: string; sizeType: string; decode(bytes: Buffer): void }> = {
  'image/png': {
    name: 'PNG',
    sizeType: 'png',
    decode: (b) => {
      if (!pngDataMatchesHeader(b)) throw new Error('PNG pixel data does not match its header');
      PNG.sync.read(b, { checkCRC: true });
    },
  },
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

/** Bytes per row (with its filter byte) of a PNG `width` pixels wide at `bitsPerPixel`; none for an empty pass. */
const rowBytes = (width: number, bitsPerPixel: number) => (width > 0 ? Math.ceil((width * bitsPerPixel) / 8) + 1 : 0);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Adam7's seven passes: [first column, first row, column step, row step].
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/**
 * Whether a PNG's IDAT stream inflates to exactly the bytes its IHDR declares. pngjs's synchronous reader cannot be
 * trusted for this: its inflate reads zlib's state in the wrong order on current Node, so a stream that ends early
 * comes back padded with uninitialised memory and a cut-off image usually decodes "fine" (seen in a fuzz test that
 * passed or failed with the heap's contents). Walks the chunks (pngjs then checks their CRCs) and inflates with
 * Node's zlib, stopping one byte past the declared size.
 */
function pngDataMatchesHeader(png: Buffer): boolean {
  // The signature (8 bytes), then IHDR first: length 13, width, height, bit depth, colour type, ..., interlace.
  if (png.length < 33 || png.toString('latin1', 12, 16) !== 'IHDR') return false;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = CHANNELS[png[25]!];
  if (!channels) return false;
  const bitsPerPixel = channels * png[24]!;
  const expected =
    png[28] === 1
      ? ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + Math.ceil((height - y0) / dy) * rowBytes(Math.ceil((width - x0) / dx), bitsPerPixel), 0)
      : height * rowBytes(width, bitsPerPixel);
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > png.length) return false;
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  try {
    return zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 }).length === expected;
  } catch {
    return false;
  }
}
