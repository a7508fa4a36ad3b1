// `npm start` – serve an existing production build (the server applies migrations as it starts).
import fs from "node:fs";
import path from "node:path";

import { checkNodeVersion, fail } from "./lib/run.mjs";
import { startNextServer } from "./lib/serve.mjs";

checkNodeVersion();
if (!fs.existsSync(path.resolve(import.meta.dirname, "..", ".next", "BUILD_ID"))) {
  fail(
    "There is no production build yet. Run `npm run build` (or `npm run up`, which does everything).",
  );
}
const port = process.env.PORT || "3000";
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  fail(`PORT: must be a port number between 1 and 65535, got "${port}".`);
}
startNextServer(port);
