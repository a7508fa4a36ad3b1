import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A larger young generation for the server: file, LFS and registry traffic makes mostly
 * short-lived garbage (request chunks, promises), and V8's default semi-space makes the server
 * spend a large share of a transfer in scavenges. Measured in bench/README.md: same peak memory,
 * less CPU per byte. An explicit setting in NODE_OPTIONS wins.
 */
function withServerHeap(env) {
  const options = env.NODE_OPTIONS ?? "";
  if (options.includes("--max-semi-space-size")) return env;
  return { ...env, NODE_OPTIONS: `${options} --max-semi-space-size=64`.trim() };
}

/** Starts the production server (`scripts/server.mjs`) on the port and forwards Ctrl-C / SIGTERM to it. */
export function startNextServer(port, env = process.env) {
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: withServerHeap({ ...env, PORT: String(port) }),
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

/** Resolves once /api/health answers 200, or rejects after `timeoutMs`. */
export async function waitForHealth(port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy on port ${port} within ${timeoutMs / 1000}s.`);
}
