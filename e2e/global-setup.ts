import fs from "node:fs";
import path from "node:path";

/** Removes the data dirs of earlier runs; the current run's dir is created by the server. */
export default function globalSetup(): void {
  const current = process.env.STRATA_E2E_DATA_DIR;
  const parent = path.resolve(".test-data");
  if (!current || !fs.existsSync(parent)) return;
  for (const entry of fs.readdirSync(parent)) {
    const dir = path.join(parent, entry);
    if (entry.startsWith("e2e-") && dir !== current)
      fs.rmSync(dir, { recursive: true, force: true });
  }
}
