import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/next-auth';
import { refuseSignInOverBudget } from '@/server/auth/sign-in-limit';
import { otherMethods } from '@/server/rest/other-methods';

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// GET /api/auth/* – next-auth's session, CSRF and provider endpoints for the browser
export { nextAuth as GET };

// POST /api/auth/* – sign-in and sign-out; a credentials sign-in first draws from the caller's per-address budget
export async function POST(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return (await refuseSignInOverBudget(req)) ?? nextAuth(req, ctx);
}

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET: nextAuth, POST });
