import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run cli -- …` against the end-to-end data dir and returns stdout. */
export async function cli(...args: string[]): Promise<string> {
  return cliIn(process.env.STRATA_E2E_DATA_DIR, ...args);
}

/** Runs `npm run cli -- …` against another data dir (a spec's own server) and returns stdout. */
export async function cliIn(dataDir: string | undefined, ...args: string[]): Promise<string> {
  const { stdout } = await exec(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/cli/index.ts", ...args],
    { cwd: root, env: { ...process.env, STRATA_DATA_DIR: dataDir } },
  );
  return stdout.trim();
}

export function uniqueName(prefix = "e2e"): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

export type TestUser = { username: string; password: string };

/** A fresh user account (and optionally an access token), created through the admin CLI. */
export async function createUser(
  options: { admin?: boolean; prefix?: string } = {},
): Promise<TestUser> {
  const user = {
    username: uniqueName(options.prefix),
    password: `pw-${randomBytes(8).toString("hex")}`,
  };
  await cli(
    "users:create",
    "--username",
    user.username,
    "--password",
    user.password,
    ...(options.admin ? ["--admin"] : []),
  );
  return user;
}

export async function createToken(username: string, scope: "read" | "write"): Promise<string> {
  return cli("tokens:create", "--username", username, "--name", `e2e-${scope}`, "--scope", scope);
}
