import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Git, LFS, the OCI registry and HF clients use URLs whose trailing slash matters (`GET /v2/`).
  skipTrailingSlashRedirect: true,
  // Native and process-spawning modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
