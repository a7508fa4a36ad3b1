// `npm test` – install what the tests need, then the format check, lint, typecheck, the unused-code check (knip),
// unit tests, build, and the Playwright suite against the production build. `npm test -- unit e2e`
// runs only those steps.
import { buildIsStale } from "./lib/build.mjs";
import {
  ensureNodeDependencies,
  ensurePythonTestTools,
  ensureSystemPackages,
  testSystemPackages,
} from "./lib/deps.mjs";
import { buildFront, frontIsStale } from "./lib/front.mjs";
import { checkNodeVersion, fail, log, run } from "./lib/run.mjs";

checkNodeVersion();

const steps = {
  format: () => run("npx", ["prettier", "--check", "."]),
  lint: () => run("npx", ["eslint", "--max-warnings=0", "."]),
  typecheck: () => run("npx", ["tsc", "--noEmit"]),
  knip: () => run("npx", ["knip"]),
  unit: () => run("npx", ["vitest", "run"]),
  build: async () => {
    if (buildIsStale()) await run("npx", ["next", "build"]);
    else log("The production build is up to date.");
    if (frontIsStale()) await buildFront();
  },
  e2e: () => run("npx", ["playwright", "test"]),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in steps));
if (unknown.length)
  fail(`Unknown step(s): ${unknown.join(", ")}. Steps: ${Object.keys(steps).join(", ")}.`);
const selected = requested.length ? requested : Object.keys(steps);
if (selected.includes("e2e") && !selected.includes("build"))
  selected.splice(selected.indexOf("e2e"), 0, "build");

try {
  await ensureNodeDependencies();
  if (selected.some((s) => s === "e2e" || s === "unit"))
    await ensureSystemPackages(testSystemPackages);
  if (selected.includes("e2e")) await ensurePythonTestTools();
  for (const name of selected) {
    const started = Date.now();
    log(`${name}…`);
    await steps[name]();
    log(`${name} passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
} catch (error) {
  fail(error.message);
}
