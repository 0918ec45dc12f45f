// The browser's sign-in (next-auth's credentials callback) draws from the same per-address budget as POST /auth/token
// and /auth/register, so spraying passwords across accounts is limited whichever door it uses.
import { randomUUID } from 'node:crypto';
import { clientIp } from '../client-ip';
import { AppError, toProblem } from '../errors';
import { callerKey, enforceRateLimit, resolvePolicy } from '../rate-limit';

const CREDENTIALS_CALLBACK = /^\/api\/auth\/callback\/credentials\/?$/;

/** A 429 for a sign-in attempt past the address's budget; null when the attempt may go on to next-auth. */
export async function refuseSignInOverBudget(req: Request): Promise<Response | null> {
  const url = new URL(req.url);
  if (req.method !== 'POST' || !CREDENTIALS_CALLBACK.test(url.pathname)) return null;
  try {
    await enforceRateLimit(callerKey(null, clientIp(req.headers)), resolvePolicy('auth', false));
    return null;
  } catch (error) {
    const refusal =
      error instanceof AppError && error.code === 'rate_limited'
        ? new AppError('rate_limited', { message: `Too many sign-in attempts from this address; try again in ${error.headers?.['Retry-After'] ?? 60} s`, headers: error.headers })
        : error;
    const problem = toProblem(refusal, randomUUID());
    // next-auth's browser client reads `url` from the answer and shows its `error` parameter in the sign-in form.
    const back = new URL('/login', url);
    back.searchParams.set('error', problem.body.detail);
    return new Response(JSON.stringify({ ...problem.body, url: back.toString() }), {
      status: problem.status,
      headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', 'X-Request-Id': problem.body.requestId, ...problem.headers },
    });
  }
}
