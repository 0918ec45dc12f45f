// A refused upload does not poison a keep-alive connection: over a real socket to the production server, the client's
// next request on the same connection is answered, or the refusal says `Connection: close` and the server closes it
// cleanly after a complete answer.
import { expect, test } from '@playwright/test';
import { RawConnection } from '../fixtures/raw-http';
import { bootstrapTenant, type Tenant } from '../fixtures/tenant';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let tenant: Tenant;

test.beforeAll(async () => {
  tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'keep-alive');
});

const upload = (bearer: string | null) =>
  `PUT /api/v1/me/image HTTP/1.1\r\nHost: pitchcraft.test\r\n${bearer ? `Authorization: Bearer ${bearer}\r\n` : ''}Content-Type: image/png\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`;
const me = (bearer: string) => `GET /api/v1/me HTTP/1.1\r\nHost: pitchcraft.test\r\nAuthorization: Bearer ${bearer}\r\n\r\n`;

test('a chunked 6 MB image is refused with 413 and the next request on the same connection is answered', async () => {
  const conn = await RawConnection.open(process.env.E2E_BASE_URL!);
  try {
    await conn.send(upload(tenant.access), { bytes: 6 * 1024 * 1024, first: PNG });
    const refused = await conn.response();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).code).toBe('payload_too_large');
    expect(refused.headers.connection).not.toBe('close');

    await conn.send(me(tenant.access));
    const next = await conn.response();
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body).email).toBe(tenant.email);
  } finally {
    conn.close();
  }
});

test('an upload refused before it is read (no credentials) leaves the connection usable too', async () => {
  const conn = await RawConnection.open(process.env.E2E_BASE_URL!);
  try {
    await conn.send(upload(null), { bytes: 3 * 1024 * 1024, first: PNG });
    expect((await conn.response()).status).toBe(401);
    await conn.send(me(tenant.access));
    expect((await conn.response()).status).toBe(200);
  } finally {
    conn.close();
  }
});

test('far past what is worth draining, the 413 says Connection: close and the server closes after a complete answer', async () => {
  const conn = await RawConnection.open(process.env.E2E_BASE_URL!);
  try {
    const sending = conn.send(upload(tenant.access), { bytes: 40 * 1024 * 1024, first: PNG });
    const refused = await conn.response();
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body).code).toBe('payload_too_large');
    expect(await conn.closedWithin(5_000)).toBe(true);
    await sending.catch(() => undefined);
  } finally {
    conn.close();
  }
  // A well-behaved client takes a new connection, which is served as usual.
  const fresh = await RawConnection.open(process.env.E2E_BASE_URL!);
  try {
    await fresh.send(me(tenant.access));
    expect((await fresh.response()).status).toBe(200);
  } finally {
    fresh.close();
  }
});
