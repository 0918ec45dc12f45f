// The last net under every schema: a value PostgreSQL refuses (a data exception) is the caller's 422, never a 500.
import { describe, expect, it, vi } from 'vitest';
import { db } from './db';
import { normalizeError, toProblem } from './errors';

const refusal = async (query: () => Promise<unknown>) => query().then(() => { throw new Error('the database accepted it'); }, (e: unknown) => e);

describe('database refusals of a value', () => {
  it.each([
    ['a NUL in text', () => db.user.findFirst({ where: { email: 'a\u0000b' } })],
    ['a malformed uuid', () => db.user.findFirst({ where: { id: '-'.repeat(36) } })],
    ['a timestamp before year 1', () => db.apiKey.count({ where: { createdAt: { gte: new Date('0000-01-01T00:00:00Z') } } })],
    ['a timestamp at the edge of JavaScript', () => db.apiKey.count({ where: { createdAt: { gte: new Date(-8.64e15) } } })],
  ])('%s becomes validation_failed with no internals in the problem', async (_label, query) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = await refusal(query);
    expect(normalizeError(error)).toMatchObject({ code: 'validation_failed', status: 422 });
    const problem = JSON.stringify(toProblem(error, 'req-1').body);
    expect(problem).not.toMatch(/prisma|postgres|uuid|byte sequence|invocation|22\d\d\d/i);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("refused"), expect.anything(), expect.anything());
    warn.mockRestore();
  });

  it('other database failures stay a masked 500', async () => {
    const error = await refusal(() => db.$queryRawUnsafe('select * from "NoSuchTable"'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(toProblem(error, 'req-2').body).toMatchObject({ code: 'internal', status: 500 });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('a transaction the database was too busy to finish in time is a 503 with Retry-After: rolled back, so safe to retry', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const email = `busy-${Date.now()}@example.test`;
    // A real Prisma transaction that outruns its time limit (as one does on an overloaded machine).
    const error = await refusal(() =>
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { email, firstName: 'Busy', lastName: 'Machine', passwordHash: 'x' } });
        await new Promise((r) => setTimeout(r, 300));
        await tx.user.count();
      }, { timeout: 100 }),
    );
    const problem = toProblem(error, 'req-3');
    expect(problem).toMatchObject({ status: 503, headers: { 'Retry-After': '2' }, body: { code: 'service_unavailable', status: 503 } });
    expect(problem.body.detail).toMatch(/nothing was changed/);
    expect(JSON.stringify(problem.body)).not.toMatch(/prisma|transaction|P20/i);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    warn.mockRestore();
  });
});
