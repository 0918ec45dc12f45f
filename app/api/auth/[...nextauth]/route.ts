import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/next-auth';

// GET/POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints for the browser
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
