// `npx tsx scripts/render-icons.ts`: draws the app icons in public/ from public/icon.svg (the favicon, the home-screen
// and manifest icons) with Debian's Chromium, so every size comes from one drawing. The outputs are committed; run
// this again only when the drawing changes.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

const pub = path.resolve(import.meta.dirname, '../public');
const svg = await readFile(path.join(pub, 'icon.svg'), 'utf8');
// Android crops maskable icons to a circle: the tile fills the square and the bars keep to the middle 60 %.
const maskable = svg.replace('rx="7"', 'rx="0"').replace('<g fill="#fff">', '<g fill="#fff" transform="translate(3.2 3.2) scale(0.8)">');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
async function png(source: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An .ico holding PNG images (understood by every current browser), one directory entry per size. */
function ico(images: Array<{ size: number; data: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((im) => im.data)]);
}

const favicon = [];
for (const size of [16, 32, 48]) favicon.push({ size, data: await png(svg, size) });
await writeFile(path.join(pub, 'favicon.ico'), ico(favicon));
await writeFile(path.join(pub, 'apple-touch-icon.png'), await png(maskable, 180));
await writeFile(path.join(pub, 'icon-192.png'), await png(svg, 192));
await writeFile(path.join(pub, 'icon-512.png'), await png(svg, 512));
await writeFile(path.join(pub, 'icon-maskable-512.png'), await png(maskable, 512));
await browser.close();
console.log('wrote public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png, icon-maskable-512.png');
