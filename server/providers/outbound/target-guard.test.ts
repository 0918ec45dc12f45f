// The SSRF guard: which addresses a gateway may have, with and without PROVIDER_ALLOW_PRIVATE_HOSTS.
import { afterEach, describe, expect, it } from 'vitest';
import { refusalOf, resolveAllowed } from './target-guard';
import { twilioSignature } from './webhook-signatures';

afterEach(() => {
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

describe('target guard', () => {
  it('refuses loopback and private ranges unless PROVIDER_ALLOW_PRIVATE_HOSTS=true', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '100.64.0.1']) expect(refusalOf(a), a).toMatch(/loopback or private/);
    process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
    for (const a of ['127.0.0.1', '10.1.2.3', '::1', '::ffff:7f00:1']) expect(refusalOf(a), a).toBeNull();
  });

  it('always refuses link-local and cloud metadata addresses', () => {
    process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
    for (const a of ['169.254.169.254', '169.254.1.1', 'fe80::1', 'fd00:ec2::254', '0.0.0.0', '::', '::ffff:169.254.169.254', '100.100.100.200', '224.0.0.1']) expect(refusalOf(a), a).toMatch(/never reached/);
  });

  it('lets public addresses through', () => {
    for (const a of ['8.8.8.8', '2606:4700:4700::1111', '52.1.2.3']) expect(refusalOf(a), a).toBeNull();
  });

  it('judges a hostname by every address it resolves to (localhost is loopback)', async () => {
    await expect(resolveAllowed('localhost')).rejects.toThrow(/loopback or private/);
    await expect(resolveAllowed('no-such-host.invalid')).rejects.toThrow(/could not be resolved/);
    process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
    expect((await resolveAllowed('localhost')).length).toBeGreaterThan(0);
    await expect(resolveAllowed('169.254.169.254')).rejects.toThrow(/never reached/);
  });
});

describe('webhook signatures', () => {
  it("computes Twilio's documented example signature", () => {
    const params = Object.entries({ CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' });
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(twilioSignature('12346', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).not.toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });
});

describe('connect-time lookup', () => {
  it('hands a socket only checked addresses (a name that now resolves to loopback is refused at connect)', async () => {
    const { guardedLookup } = await import('./target-guard');
    const result = await new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => guardedLookup('localhost', { all: true }, (err, address) => resolve({ err, address })));
    expect(result.err?.code).toBe('EPROVIDERTARGET');
    process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
    const allowed = await new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => guardedLookup('localhost', {}, (err, address) => resolve({ err, address })));
    expect(allowed.err).toBeNull();
    expect(allowed.address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
