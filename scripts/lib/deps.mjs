import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { commandExists, fail, log, run } from "./run.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const stamp = path.join(root, "node_modules", ".strata-install-stamp");

function lockHash() {
  const lock = path.join(root, "package-lock.json");
  const pkg = path.join(root, "package.json");
  const hash = createHash("sha256");
  for (const file of [pkg, lock]) if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  return hash.digest("hex");
}

/** Runs `npm ci` when node_modules is missing or was installed from a different lock file. */
export async function ensureNodeDependencies() {
  const wanted = lockHash();
  const installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : null;
  if (installed === wanted && fs.existsSync(path.join(root, "node_modules", ".bin", "next")))
    return;
  log(
    installed
      ? "Dependencies changed: reinstalling (npm ci)…"
      : "Installing dependencies (npm ci)…",
  );
  await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root });
  fs.writeFileSync(stamp, wanted + "\n");
}

/** Debian packages the tests need, keyed by the command that shows each is installed. */
export const testSystemPackages = {
  chromium: "chromium",
  git: "git",
  "git-lfs": "git-lfs",
  skopeo: "skopeo",
  umoci: "umoci",
  // Image builds run for real: buildah builds on a busybox base the tests make.
  buildah: "buildah",
  busybox: "busybox-static",
};

/** What the embedded runner builds Space images with (optional: without it, builds wait for a runner that has a builder). */
export const builderSystemPackages = { buildah: "buildah" };

/**
 * Installs missing Debian packages with apt-get when we are root; otherwise says exactly what to
 * install and stops.
 */
export async function ensureSystemPackages(packages) {
  const missing = Object.entries(packages)
    .filter(([command]) => !commandExists(command))
    .map(([, pkg]) => pkg);
  await aptInstall(missing);
}

/**
 * Installs missing optional packages where apt is usable; elsewhere says what is missing and what
 * does not work without it, and goes on.
 */
export async function offerSystemPackages(packages, without) {
  const missing = Object.entries(packages)
    .filter(([command]) => !commandExists(command))
    .map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() === 0 && commandExists("apt-get")) return aptInstall(missing);
  log(
    `Not installed: ${missing.join(", ")} (${without}). Install with: sudo apt-get install -y ${missing.join(" ")}`,
  );
}

async function aptInstall(missing) {
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && commandExists("apt-get");
  if (!canInstall) {
    fail(
      `Missing system packages: ${missing.join(", ")}.\n  Install them with: sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`,
    );
  }
  log(`Installing system packages: ${missing.join(", ")}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await run("apt-get", ["update", "-qq"], { env });
  await run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env });
}

/** The Python packages of the interop tests, in a venv of their own (gitignored). */
const pythonTestTools = {
  dir: path.join(root, ".test-tools", "python"),
  // One major version: the spec follows the client's API, which changes across majors.
  requirements: ["huggingface_hub>=1,<2"],
};

function pythonWorks(python) {
  return (
    fs.existsSync(python) &&
    spawnSync(python, ["-c", "import huggingface_hub"], { stdio: "ignore" }).status === 0
  );
}

/**
 * Creates the venv with `huggingface_hub` when it is missing or was made for other requirements;
 * otherwise returns at once. Needs python3 with venv (Debian: python3-venv, installed when we are root).
 */
export async function ensurePythonTestTools({ dir, requirements } = pythonTestTools) {
  const python = path.join(dir, "bin", "python");
  const stampFile = path.join(dir, ".strata-requirements");
  const wanted = requirements.join("\n") + "\n";
  const stamped = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : null;
  if (stamped === wanted && pythonWorks(python)) return;
  await ensureSystemPackages({ python3: "python3" });
  // Debian's python3 has no ensurepip (so no `venv` with pip) until python3-venv is installed.
  if (spawnSync("python3", ["-c", "import ensurepip, venv"], { stdio: "ignore" }).status !== 0)
    await aptInstall(["python3-venv"]);
  log(`Installing ${requirements.join(", ")} into ${path.relative(root, dir)}…`);
  fs.rmSync(dir, { recursive: true, force: true });
  await run("python3", ["-m", "venv", dir]);
  await run(python, [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    ...requirements,
  ]);
  fs.writeFileSync(stampFile, wanted);
}
