// A refused upload does not poison a keep-alive connection. Over a real socket to the production server: a body
// refused before or while it is read is drained (within a bound) and the client's next request on the same
// connection is answered; past the bound, or once a streamed upload was refused part-way, the refusal says
// `Connection: close` and the server closes cleanly after a complete answer, so the client's next request goes on a
// new connection instead of failing (before, it stalled or was reset).
import { expect, test } from '@playwright/test';
import { RawConnection } from '../fixtures/raw-http';
import { bootstrapTenant, type Tenant } from '../fixtures/tenant';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let tenant: Tenant;

test.beforeAll(async () => {
  tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'keep-alive');
});

const chunked = (method: string, path: string, type: string, bearer: string | null) =>
  `${method} ${path} HTTP/1.1\r\nHost: pitchcraft.test\r\n${bearer ? `Authorization: Bearer ${bearer}\r\n` : ''}Content-Type: ${type}\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`;
const me = (bearer: string) => `GET /api/v1/me HTTP/1.1\r\nHost: pitchcraft.test\r\nAuthorization: Bearer ${bearer}\r\n\r\n`;

async function onOneConnection(run: (conn: RawConnection) => Promise<void>) {
  const conn = await RawConnection.open(process.env.E2E_BASE_URL!);
  try {
    await run(conn);
  } finally {
    conn.close();
  }
}

test('a chunked body over the 1 MB JSON limit is refused with 413 and the next request on the same connection is answered', async () => {
  await onOneConnection(async (conn) => {
    await conn.send(chunked('POST', '/api/v1/organizations', 'application/json', tenant.access), { bytes: 3 * 1024 * 1024 });
    const refused = await conn.response();
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).code).toBe('payload_too_large');
    expect(refused.headers.connection).not.toBe('close');

    await conn.send(me(tenant.access));
    const next = await conn.response();
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body).email).toBe(tenant.email);
  });
});

test('an upload refused before it is read (no credentials) leaves the connection usable too', async () => {
  await onOneConnection(async (conn) => {
    await conn.send(chunked('PUT', '/api/v1/me/image', 'image/png', null), { bytes: 3 * 1024 * 1024, first: PNG });
    const refused = await conn.response();
    expect(refused.status).toBe(401);
    expect(refused.headers.connection).not.toBe('close');
    await conn.send(me(tenant.access));
    expect((await conn.response()).status).toBe(200);
  });
});

for (const [name, head, bytes] of [
  ['a chunked 6 MB image, refused part-way through the stream', chunked('PUT', '/api/v1/me/image', 'image/png', '{token}'), 6 * 1024 * 1024],
  ['a chunked 40 MB JSON body, far past what is worth draining', chunked('POST', '/api/v1/organizations', 'application/json', '{token}'), 40 * 1024 * 1024],
] as const) {
  test(`${name}: the 413 says Connection: close and the connection ends cleanly after it`, async () => {
    await onOneConnection(async (conn) => {
      const sending = conn.send(head.replace('{token}', tenant.access), { bytes, first: PNG });
      const refused = await conn.response();
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(JSON.parse(refused.body).code).toBe('payload_too_large');
      expect(await conn.closedWithin(5_000)).toBe(true);
      await sending.catch(() => undefined);
    });
    // The client's next request, on a new connection as it was told, is served as usual.
    await onOneConnection(async (conn) => {
      await conn.send(me(tenant.access));
      expect((await conn.response()).status).toBe(200);
    });
  });
}
