// Issue 15, defects 5 and 6, on the production server through scripts/serve.ts (where they lived): a JSON body past
// the 4 MB limit of the upload routes is answered (413) within seconds instead of never; a multipart body cut off
// before its boundary is a 400; an invalid percent-escape in a path is a 400 problem+json for every verb; a URL past
// 16 KB is a 414 and a request head past 64 KB a 431, both problem+json instead of Node's bare status.
import { expect, test } from '@playwright/test';
import { RawConnection } from '../fixtures/raw-http';
import { bootstrapTenant, type Tenant } from '../fixtures/tenant';

let tenant: Tenant;

test.beforeAll(async () => {
  tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'edges');
});

async function exchange(head: string, body?: { bytes: number; first?: Uint8Array }) {
  const conn = await RawConnection.open(process.env.E2E_BASE_URL!);
  try {
    const sending = conn.send(head, body);
    const started = Date.now();
    const answer = await conn.response(8_000);
    await sending.catch(() => undefined);
    return { ...answer, ms: Date.now() - started };
  } finally {
    conn.close();
  }
}

const auth = () => `Authorization: Bearer ${tenant.access}\r\nX-Organization-Id: ${tenant.organizationId}\r\n`;
const chunked = (method: string, path: string, type: string) =>
  `${method} ${path} HTTP/1.1\r\nHost: pitchcraft.test\r\n${auth()}Content-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n`;

for (const path of ['/api/v1/sessions', `/api/v1/calls/${'3f0c1e9a-6a5b-4c1d-9e8f-0a1b2c3d4e5f'}/recording`]) {
  for (const mb of [4.5, 12]) {
    test(`a ${mb} MB JSON body to POST ${path.replace(/[0-9a-f-]{36}/, '{id}')} is a 413 within seconds`, async () => {
      const answer = await exchange(chunked('POST', path, 'application/json'), { bytes: mb * 1024 * 1024 });
      expect(answer.status).toBe(413);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.body).code).toBe('payload_too_large');
      expect(answer.ms).toBeLessThan(5_000);
    });
  }
}

test('a multipart body cut off before its closing boundary is a 400, not a 500', async () => {
  const body = '--cut\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\nRIFF\x24\x00\x00\x00WAVEfmt ';
  const answer = await exchange(`POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\n${auth()}Content-Type: multipart/form-data; boundary=cut\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  expect([answer.status, JSON.parse(answer.body).code]).toEqual([400, 'bad_request']);
});

test('an invalid percent-escape in a path is a 400 problem+json for every verb', async () => {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    for (const path of ['/api/v1/products/%ff', '/api/v1/vin/%ff%fe', '/api/v1/%ff', '/api/v1/teams/%zz/members/%']) {
      const answer = await exchange(`${method} ${path} HTTP/1.1\r\nHost: x\r\n${auth()}Content-Length: 0\r\n\r\n`);
      expect([answer.status, answer.headers['content-type'], JSON.parse(answer.body).code], `${method} ${path}`).toEqual([400, 'application/problem+json', 'bad_request']);
    }
  }
});

test('a URL past 16 KB is a 414 and a head past 64 KB a 431, both problem+json; a long-but-fine URL is served', async () => {
  const long = await exchange(`GET /api/v1/products?name=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n${auth()}\r\n`);
  expect([long.status, JSON.parse(long.body).code]).toEqual([414, 'uri_too_long']);
  const huge = await exchange(`GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(70 * 1024)}\r\n\r\n`);
  expect([huge.status, huge.headers['content-type'], JSON.parse(huge.body).code]).toEqual([431, 'application/problem+json', 'header_fields_too_large']);
  const fine = await exchange(`GET /api/v1/me?x=${'a'.repeat(12_000)} HTTP/1.1\r\nHost: x\r\n${auth()}\r\n`);
  expect(fine.status).toBe(200);
});
