/**
 * Headers on every answer (pages also get a per-request CSP with a nonce from proxy.ts; API
 * answers are JSON or event streams and may load nothing at all).
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // client-node pulls in ws, undici and friends: keep it a plain Node require on the server.
  serverExternalPackages: ['@kubernetes/client-node'],
  // The deploy engine reads the bundled manifests at run time (lib/server/deploy/bundle.ts).
  outputFileTracingIncludes: { '/api/deploy/**': ['./manifests/imagepod/**/*'] },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
