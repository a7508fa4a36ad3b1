// `npm run up` – from a fresh clone to a running site: install, migrate, seed, build, serve.
import { buildIsStale } from "./lib/build.mjs";
import { builderSystemPackages, ensureNodeDependencies, offerSystemPackages } from "./lib/deps.mjs";
import { buildFront, frontIsStale } from "./lib/front.mjs";
import { checkNodeVersion, fail, log, run } from "./lib/run.mjs";
import { startNextServer, waitForHealth } from "./lib/serve.mjs";

checkNodeVersion();
const port = process.env.PORT || "3000";
// The demo model openmind/lexicon-sentiment asks for CI in this CPU environment on every push; its
// seeded commit queues a real run that the embedded runner takes on first start, once it declares
// the environment. The runner runs it with the host's Python (the demo script needs only the
// standard library, and its log says which Python ran it). An operator's own labels win.
process.env.STRATA_EMBEDDED_RUNNER_LABELS ??=
  "image=base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";

try {
  await ensureNodeDependencies();
  await offerSystemPackages(
    builderSystemPackages,
    "the embedded runner cannot build Space images; builds wait for a runner with a builder",
  );
  log("Applying database migrations…");
  await run("npm", ["run", "-s", "db:migrate"]);
  log("Seeding demo data…");
  await run("npm", ["run", "-s", "db:seed"]);
  if (buildIsStale()) {
    log("Building the site (next build)…");
    await run("npx", ["next", "build"]);
  } else {
    log("The production build is up to date.");
  }
  if (frontIsStale()) await buildFront();
} catch (error) {
  fail(error.message);
}

log(`Starting Strata on port ${port}…`);
startNextServer(port);
await waitForHealth(port, 120_000).then(
  () => {
    const url = process.env.STRATA_PUBLIC_URL || `http://localhost:${port}`;
    console.log(`
  Strata is running at ${url}

  Demo sign-in:  username demo   password strata-demo   (site admin)
  Also:          alice / alice-demo-pass, bob / bob-demo-pass

  Stop with Ctrl-C. Data lives in ${process.env.STRATA_DATA_DIR || "./data"}.
`);
  },
  (error) => console.error(error.message),
);
