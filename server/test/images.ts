// Real, tiny images for tests (uploads are decoded whole: a few magic bytes are no longer an image), and images whose
// headers lie, for the tests that prove they are refused.
import zlib from 'node:zlib';
import { encode as encodeBmp } from 'bmp-ts';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

const rgba = (width: number, height: number) => Buffer.alloc(width * height * 4, 0xc8);

export const ONE_PIXEL_PNG = new Uint8Array(PNG.sync.write(Object.assign(new PNG({ width: 1, height: 1 }), { data: rgba(1, 1) })));
export const SMALL_JPEG = new Uint8Array(jpeg.encode({ data: rgba(8, 8), width: 8, height: 8 }, 80).data);
export const SMALL_BMP = new Uint8Array(encodeBmp({ data: rgba(4, 4), width: 4, height: 4, bitPP: 24 }).data);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([length, Buffer.from(type), data, crc]);
}

/** A PNG whose header declares `width` × `height` pixels (8-bit RGB) over `dataBytes` zero bytes of pixel data. */
export function pngWithData(width: number, height: number, dataBytes: number, opts: { interlace?: boolean } = {}): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  ihdr[12] = opts.interlace ? 1 : 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(dataBytes))), pngChunk('IEND', Buffer.alloc(0))]));
}

/** A PNG whose header declares `width` × `height` pixels over four rows of 1-pixel data. */
export const lyingPng = (width: number, height: number): Uint8Array => pngWithData(width, height, 4 * 4);

/** A BMP whose header declares `width` × `height` pixels over 4 × 4 pixels of data. */
export function lyingBmp(width: number, height: number): Uint8Array {
  const bmp = Buffer.from(SMALL_BMP);
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22);
  return new Uint8Array(bmp);
}
