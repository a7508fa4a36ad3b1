// The server the Playwright suite runs against: the production build on a throwaway data dir.
import path from "node:path";

import { fail, run } from "./lib/run.mjs";
import { startNextServer } from "./lib/serve.mjs";

const dataDir = process.env.STRATA_E2E_DATA_DIR;
const url = process.env.STRATA_E2E_URL;
if (!dataDir || !url)
  fail(
    "Run this through `npx playwright test`, which sets STRATA_E2E_DATA_DIR and STRATA_E2E_URL.",
  );
if (!path.resolve(dataDir).includes(`${path.sep}.test-data${path.sep}`)) {
  fail(`Refusing to run end-to-end tests on ${dataDir}: it is not under .test-data/.`);
}

const env = {
  ...process.env,
  NODE_ENV: "production",
  STRATA_DATA_DIR: dataDir,
  STRATA_PUBLIC_URL: url,
  PORT: new URL(url).port,
  // Idle Space apps are looked for often, so e2e/spaces-run.spec.ts sees one fall asleep quickly.
  STRATA_SPACE_SLEEP_CHECK_SECONDS: "2",
  // The embedded runner provides the CPU model CI environment e2e/model-ci.spec.ts runs in.
  STRATA_EMBEDDED_RUNNER_LABELS:
    "image=base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
};
await run("npx", ["tsx", "--conditions=react-server", "db/migrate.ts"], { env });
startNextServer(env.PORT, env);
