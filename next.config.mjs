/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // client-node pulls in ws, undici and friends: keep it a plain Node require on the server.
  serverExternalPackages: ['@kubernetes/client-node'],
};

export default nextConfig;
