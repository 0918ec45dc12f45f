// The whole-image check refuses a PNG whose pixel data is shorter or longer than its header declares, every time —
// whatever memory the decoder happens to reuse (pngjs alone passed most cut-off images, depending on the heap).
import { describe, expect, it } from 'vitest';
import { pngWithData } from '../test/images';
import { assertImageContainer } from './image-container';

const RGB_ROW = 64 * 3 + 1; // a 64-pixel 8-bit RGB row and its filter byte

// Adam7 over 64 × 64: each pass's rows × (its width × 3 bytes + a filter byte).
const INTERLACED_64 = [[8, 8], [8, 8], [8, 16], [16, 16], [16, 32], [32, 32], [32, 64]].reduce((sum, [rows, width]) => sum + rows! * (width! * 3 + 1), 0);

describe('assertImageContainer on PNG pixel data', () => {
  it('takes data of exactly the declared size, plain and interlaced', () => {
    expect(assertImageContainer(pngWithData(64, 64, RGB_ROW * 64), 'image/png')).toEqual({ width: 64, height: 64 });
    expect(assertImageContainer(pngWithData(64, 64, INTERLACED_64, { interlace: true }), 'image/png')).toEqual({ width: 64, height: 64 });
    expect(assertImageContainer(pngWithData(1, 1, 4), 'image/png')).toEqual({ width: 1, height: 1 });
  });

  it('refuses data cut short anywhere, or longer than declared, on every try', () => {
    const sizes = [0, 4 * 4, 52, RGB_ROW, RGB_ROW * 63, RGB_ROW * 63 + 10, RGB_ROW * 64 - 1, RGB_ROW * 64 + 1, RGB_ROW * 65];
    for (let round = 0; round < 50; round++) {
      // Leave freed, non-zero memory about, as a busy server does.
      Buffer.allocUnsafe(64 * 1024).fill(round + 1);
      for (const size of sizes) {
        expect(() => assertImageContainer(pngWithData(64, 64, size), 'image/png'), `${size} bytes of data`).toThrow(/cut off|does not match/);
      }
      expect(() => assertImageContainer(pngWithData(64, 64, INTERLACED_64 - 1, { interlace: true }), 'image/png')).toThrow(/cut off|does not match/);
    }
  });
});
