// Issue 15, defects 6 and 8: what an upload holds is checked, not only its first bytes — a multipart text field must be
// UTF-8, a WAV's header must tell the truth about its samples, an image must decode within its declared dimensions —
// and a multipart body cut off before its closing boundary is a 400, not a 500. Nothing refused is stored.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { api } from '../test/api-client';
import { addPerson, createProductWithModule, wordsOf } from '../test/coaching';
import { newTenant, registerAndLogin } from '../test/factories';
import { lyingBmp, lyingPng, ONE_PIXEL_PNG, SMALL_BMP, SMALL_JPEG } from '../test/images';
import { makeWav } from '../test/wav';

const TRANSCRIPT = JSON.stringify({ words: wordsOf('hello there and welcome') });

/** A multipart body: text fields (a string, or raw bytes to send as they are) and the `audio` file. */
const sessionForm = (fields: Record<string, string | Buffer | Uint8Array>, boundary = 'b0undary', close = true) => {
  const parts = Object.entries(fields).map(([name, value]) =>
    name !== 'audio'
      ? Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value as string), Buffer.from('\r\n')])
      : Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="r.wav"\r\nContent-Type: audio/wav\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(close ? `--${boundary}--\r\n` : '')]), contentType: `multipart/form-data; boundary=${boundary}` };
};

/** A WAV of `seconds` at 16 kHz whose header is then changed by `lie`. */
function wav(lie: (view: DataView) => void, seconds = 2): Uint8Array {
  const bytes = makeWav({ seconds });
  lie(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return bytes;
}

describe('multipart sessions (defects 6 and 8)', () => {
  it('a text field that is not UTF-8 is a 422 naming it; a body cut off before its boundary is a 400; nothing is kept', async () => {
    const t = await newTenant('upload-utf8');
    const rep = await addPerson(t, 'upload-rep');
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const sessions = () => db.practiceSession.count({ where: { userId: rep.userId } });
    const media = () => db.media.count({ where: { createdById: rep.userId } });

    const bad = sessionForm({ moduleId, opportunity: Buffer.from([0x61, 0xff, 0xfe]), transcript: TRANSCRIPT });
    const refused = await api('POST', '/sessions', { body: bad.body, contentType: bad.contentType, headers: rep.headers });
    expect([refused.status, refused.body.errors]).toEqual([422, [{ path: 'opportunity', message: 'is not valid UTF-8 text' }]]);

    const cut = sessionForm({ moduleId, audio: makeWav({ seconds: 1 }) }, 'b0undary', false);
    const truncated = await api('POST', '/sessions', { body: cut.body.subarray(0, cut.body.length - 400), contentType: cut.contentType, headers: rep.headers });
    expect([truncated.status, truncated.body.code]).toEqual([400, 'bad_request']);
    expect(truncated.body.detail).toMatch(/cut off/);
    expect([await sessions(), await media()]).toEqual([0, 0]);

    const fine = sessionForm({ moduleId, opportunity: 'Åsa & Søren — 田中', transcript: TRANSCRIPT });
    const stored = await api('POST', '/sessions', { body: fine.body, contentType: fine.contentType, headers: rep.headers });
    expect([stored.status, stored.body.opportunity]).toEqual([201, 'Åsa & Søren — 田中']);
  });

  it('WAV headers that lie are refused (415) and nothing is kept; an honest WAV is scored', async () => {
    const t = await newTenant('upload-wav');
    const rep = await addPerson(t, 'wav-rep');
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const send = (audio: Uint8Array) => {
      const f = sessionForm({ moduleId, transcript: TRANSCRIPT, audio });
      return api('POST', '/sessions', { body: f.body, contentType: f.contentType, headers: rep.headers });
    };
    const header44 = makeWav({ seconds: 1 }).slice(0, 44);
    new DataView(header44.buffer).setUint32(40, 0, true);
    const lies: Array<[string, Uint8Array, RegExp]> = [
      ['a sample rate of 1 Hz (64 KB would be 9 hours)', wav((v) => (v.setUint32(24, 1, true), v.setUint32(28, 2, true))), /sample rate of 1 Hz/],
      ['4×10⁹ Hz', wav((v) => (v.setUint32(24, 4_000_000_000, true), v.setUint32(28, 3_705_032_704, true))), /sample rate/],
      ['a 44-byte header with no samples', header44, /no audio samples/],
      ['64-bit float declared over 16-bit data', wav((v) => (v.setUint16(20, 3, true), v.setUint16(34, 64, true), v.setUint16(32, 8, true), v.setUint32(28, 16_000 * 8, true))), /float samples/],
      ['a byte rate that contradicts the rate', wav((v) => v.setUint32(28, 1, true)), /byte rate/],
    ];
    for (const [what, audio, message] of lies) {
      const res = await send(audio);
      expect([res.status, res.body.code], what).toEqual([415, 'unsupported_media_type']);
      expect(res.body.detail, what).toMatch(message);
    }
    expect(await db.practiceSession.count({ where: { userId: rep.userId } })).toBe(0);
    expect(await db.media.count({ where: { createdById: rep.userId } })).toBe(0);
    const honest = await send(makeWav({ seconds: 3 }));
    expect([honest.status, Math.round(honest.body.duration)]).toEqual([201, 3]);
  });
});

describe('images are decoded within their declared dimensions (defect 8)', () => {
  it('PUT /me/image refuses a PNG declaring 50000×50000, a cut-off PNG and a BMP declaring 100000×100000; real PNG, JPEG, BMP are stored', async () => {
    const u = await registerAndLogin('upload-img');
    const put = (body: Uint8Array, type: string) => api('PUT', '/me/image', { body: Buffer.from(body), contentType: type, headers: u.bearer });
    const refusals: Array<[string, Uint8Array, string, RegExp]> = [
      ['a PNG declaring 50000×50000', lyingPng(50_000, 50_000), 'image/png', /50000 × 50000 pixels/],
      ['a PNG declaring 64×64 over 4 rows', lyingPng(64, 64), 'image/png', /cut off|does not match/],
      ['a cut-off PNG', ONE_PIXEL_PNG.slice(0, ONE_PIXEL_PNG.length - 20), 'image/png', /could not be read/],
      ['a BMP declaring 100000×100000', lyingBmp(100_000, 100_000), 'image/bmp', /100000 × 100000 pixels/],
      ['a BMP declaring 64×64 over 4×4', lyingBmp(64, 64), 'image/bmp', /could not be read/],
      ['a cut-off JPEG', SMALL_JPEG.slice(0, SMALL_JPEG.length / 2), 'image/jpeg', /could not be read/],
    ];
    for (const [what, body, type, message] of refusals) {
      const res = await put(body, type);
      expect([res.status, res.body.code], what).toEqual([422, 'validation_failed']);
      expect(res.body.detail, what).toMatch(message);
    }
    expect(await db.media.count({ where: { createdById: u.userId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.userId } })).imageId).toBeNull();
    for (const [body, type] of [[ONE_PIXEL_PNG, 'image/png'], [SMALL_JPEG, 'image/jpeg'], [SMALL_BMP, 'image/bmp']] as const) {
      expect((await put(body, type)).status, type).toBe(200);
    }
  });
});
