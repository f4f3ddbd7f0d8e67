import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./server/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: PGlite ships WASM and data files, argon2 a
  // native binary, the rate limiter imports drizzle-orm dynamically (it must be the same copy),
  // and exceljs is a CommonJS tree loaded only when an XLSX is exported.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'drizzle-orm', 'rate-limiter-flexible', 'exceljs'],
};

export default withNextIntl(nextConfig);
