import { defineConfig, devices } from "@playwright/test";
import path from "node:path";

// One throwaway data dir and port per run, shared by the server, global setup and every worker
// (workers inherit the environment set here).
const port = Number(process.env.STRATA_E2E_PORT ?? 3100);
process.env.STRATA_E2E_DATA_DIR ??= path.resolve(".test-data", `e2e-${Date.now()}`);
process.env.STRATA_E2E_URL ??= `http://localhost:${port}`;
const baseURL = process.env.STRATA_E2E_URL;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: Number(process.env.STRATA_E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "browser",
      testIgnore: /interop\//,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    { name: "interop", testDir: "e2e/interop" },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
