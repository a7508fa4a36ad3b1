// Registry helpers for specs: real skopeo and umoci against the Strata server under test.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const e2eUrl = (process.env.STRATA_E2E_URL ?? "http://localhost:3100").replace(/\/+$/, "");
/** `host:port` of the server under test, as image references name the registry. */
export const registryHost = new URL(e2eUrl).host;

export type RegistryAccount = { user: string; token: string };

export const sha256 = (bytes: Buffer | string) =>
  `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

export type SkopeoResult = { ok: boolean; stdout: string; stderr: string };

/** Runs skopeo; a failure is returned (with its stderr), not thrown, so specs can expect refusals. */
export async function skopeo(args: string[]): Promise<SkopeoResult> {
  try {
    const { stdout, stderr } = await run("skopeo", args, { timeout: 120_000 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/**
 * A two-layer OCI image layout built with umoci (tag `v1`), with `labels` in its config.
 * `dir` must be an empty temp directory.
 */
export async function buildLayout(
  dir: string,
  labels: Record<string, string> = {},
): Promise<string> {
  const layout = path.join(dir, "layout");
  const files = path.join(dir, "files");
  fs.mkdirSync(files);
  fs.writeFileSync(path.join(files, "one.txt"), "first layer\n");
  fs.writeFileSync(path.join(files, "two.bin"), randomBytes(256 * 1024));
  const image = `${layout}:v1`;
  await run("umoci", ["init", "--layout", layout]);
  await run("umoci", ["new", "--image", image]);
  for (const file of ["one.txt", "two.bin"]) {
    await run("umoci", [
      "insert",
      "--rootless",
      "--image",
      image,
      path.join(files, file),
      `/opt/${file}`,
    ]);
  }
  const labelArgs = Object.entries(labels).flatMap(([k, v]) => ["--config.label", `${k}=${v}`]);
  if (labelArgs.length) await run("umoci", ["config", "--image", image, ...labelArgs]);
  return layout;
}

/**
 * A base image of busybox alone (`/bin/sh` included), tag `v1` of an OCI layout built with umoci:
 * Space builds on it take seconds. `dir` must be an empty temp directory.
 */
export async function buildBusyboxLayout(dir: string): Promise<string> {
  const layout = path.join(dir, "layout");
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  fs.copyFileSync("/bin/busybox", path.join(bin, "busybox"));
  fs.chmodSync(path.join(bin, "busybox"), 0o755);
  fs.symlinkSync("busybox", path.join(bin, "sh"));
  const image = `${layout}:v1`;
  await run("umoci", ["init", "--layout", layout]);
  await run("umoci", ["new", "--image", image]);
  await run("umoci", ["insert", "--rootless", "--image", image, bin, "/bin"]);
  await run("umoci", ["config", "--image", image, "--config.env", "PATH=/bin"]);
  return layout;
}

/** The digest of the (only) manifest of an OCI layout. */
export function layoutManifestDigest(layout: string): string {
  const index = JSON.parse(fs.readFileSync(path.join(layout, "index.json"), "utf8")) as {
    manifests: { digest: string }[];
  };
  return index.manifests[0]!.digest;
}

/** Pushes tag `v1` of a layout to `repo:tag` on the server under test. */
export function pushLayout(
  layout: string,
  account: RegistryAccount | null,
  repo: string,
  tag: string,
): Promise<SkopeoResult> {
  return skopeo([
    "copy",
    ...(account ? ["--dest-creds", `${account.user}:${account.token}`] : []),
    "--dest-tls-verify=false",
    `oci:${layout}:v1`,
    `docker://${registryHost}/${repo}:${tag}`,
  ]);
}

export function basicAuth(account: RegistryAccount): Record<string, string> {
  return {
    Authorization: `Basic ${Buffer.from(`${account.user}:${account.token}`).toString("base64")}`,
  };
}
