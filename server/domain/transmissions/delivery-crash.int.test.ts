// A worker killed (SIGKILL) while a gateway holds its request: the attempt is not lost and not doubled — the queue
// retries the job, the retry resumes the same spool once its claim runs out, and the gateway sees the same idempotency
// token twice (so Twilio keeps one message).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { newTenant } from '../../test/factories';
import { GatewayPeer } from '../../test/gateway-peers';

const root = path.resolve(import.meta.dirname, '../../..');
const twilio = new GatewayPeer('twilio');
let worker: WorkerHandle | undefined;

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await twilio.start();
});
afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
  await twilio.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

async function until(predicate: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('resumes the same spool after the worker is killed mid-send', { timeout: 120_000 }, async () => {
  const t = await newTenant('crash');
  const h = t.keyHeaders;
  const contact = await api('POST', '/contacts', { headers: h, json: { firstName: 'Kim', phone: '+12025550177' } });
  const text = await api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi {{firstName}}' } });
  const program = await api('POST', '/programs/sendsms', { headers: h, json: { textId: text.body.id } });
  await api('POST', '/accounts', { headers: h, json: { name: 'Line', type: 'phone', address: '+12025550178' } });
  await api('POST', '/providers', { headers: h, json: { name: 'T', type: 'twilio', serviceFlags: ['sms'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password, settings: { timeoutSeconds: 60 } } });
  twilio.mode = { kind: 'hang' };

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts', '--queues', 'transmissions.deliver'], { cwd: root, env: { ...process.env, WORKER_CONCURRENCY: '2' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await until(() => output.includes('Worker running'), 60_000);

  const tr = await api('POST', '/transmissions', { headers: h, json: { contactId: contact.body.id, programId: program.body.programId } });
  const sent = await api('POST', `/transmissions/${tr.body.id}/send`, { headers: h });
  const token = (r: { headers: Record<string, unknown> }) => r.headers['i-twilio-idempotency-token'] === sent.body.spoolId;
  await until(() => twilio.received.some(token));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  expect(await db.spool.findUniqueOrThrow({ where: { id: sent.body.spoolId } })).toMatchObject({ status: 'initiated', claimedUntil: expect.any(Date) });

  // The gateway is back. The claim would run out on its own after a few minutes; the test moves it to now instead.
  twilio.mode = { kind: 'ok' };
  await db.spool.update({ where: { id: sent.body.spoolId }, data: { claimedUntil: new Date(Date.now() - 1000) } });
  worker = await startWorker({ queues: ['transmissions.deliver'] });
  await until(async () => (await db.transmission.findUniqueOrThrow({ where: { id: tr.body.id } })).status === 'completed', 90_000);
  const spools = await db.spool.findMany({ where: { transmissionId: tr.body.id } });
  expect(spools).toHaveLength(1);
  expect(spools[0]).toMatchObject({ id: sent.body.spoolId, status: 'completed', providerMessageId: expect.stringMatching(/^SM/) });
  expect(twilio.received.filter(token)).toHaveLength(2);
});
