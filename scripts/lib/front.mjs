// The protocol front (lib/front) compiled for `scripts/server.mjs`: one ES module under .next/,
// bundled with the `react-server` condition like the server half of the app (so `server-only`
// resolves to its empty module), with every npm package but `server-only` left to Node.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const frontBundle = path.join(root, ".next", "strata", "front.mjs");
const buildId = path.join(root, ".next", "BUILD_ID");

/** Compiles lib/front/front.ts into .next/strata/front.mjs (a second or two). */
export async function buildFront() {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(root, "lib", "front", "front.ts")],
    outfile: frontBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    tsconfig: path.join(root, "tsconfig.json"),
    packages: "external",
    plugins: [
      {
        name: "server-only",
        setup(b) {
          b.onResolve({ filter: /^server-only$/ }, () => ({
            path: path.join(root, "node_modules", "server-only", "empty.js"),
          }));
        },
      },
    ],
    // Bundled CommonJS helpers may call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
}

/** True when the front was not compiled after the current Next build (or not at all). */
export function frontIsStale() {
  const front = fs.statSync(frontBundle, { throwIfNoEntry: false });
  const next = fs.statSync(buildId, { throwIfNoEntry: false });
  return !front || (next !== undefined && front.mtimeMs < next.mtimeMs);
}
