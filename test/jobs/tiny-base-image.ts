// A base image of busybox alone, built with buildah from `/bin/busybox` (Debian's busybox-static)
// and pushed to this hub's registry: the smallest real image a Space or image build can start FROM.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Builds the image in a buildah store under `work` and pushes it as `reference` (`host/repo:tag`)
 * with the user's write token. Runs buildah as a child process, never blocking the event loop:
 * the registry it pushes to may be served by this very process.
 */
export async function pushTinyBaseImage(options: {
  work: string;
  reference: string;
  creds: { name: string; token: string };
}): Promise<void> {
  const store = [
    "--root",
    path.join(options.work, "base-storage"),
    "--runroot",
    path.join(options.work, "base-run"),
    "--storage-driver",
    "vfs",
  ];
  const buildah = (...args: string[]) =>
    run("buildah", [...store, ...args], { cwd: options.work, maxBuffer: 64 * 1024 * 1024 });
  const container = (await buildah("from", "scratch")).stdout.trim();
  await buildah("copy", container, "/bin/busybox", "/bin/busybox");
  await buildah(
    "run",
    "--isolation",
    "chroot",
    container,
    "/bin/busybox",
    "--install",
    "-s",
    "/bin",
  );
  await buildah("config", "--env", "PATH=/bin", container);
  await buildah("commit", "-q", container, "tiny");
  await buildah(
    "push",
    "--tls-verify=false",
    "--creds",
    `${options.creds.name}:${options.creds.token}`,
    "tiny",
    `docker://${options.reference}`,
  );
}
