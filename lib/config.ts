import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

import { parseTrustedProxies } from "@/lib/runtime/client-address.mjs";
import { parseLabelList, type Labels } from "@/lib/runtime/labels";

/**
 * The server's configuration, read once from the environment and validated, so that a bad value
 * stops the process at start with a message naming the variable instead of failing later.
 */

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["1", "0", "true", "false", "on", "off", "yes", "no"].includes(v), {
    message: "must be one of 1, 0, true, false, on, off, yes, no",
  })
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  STRATA_DATA_DIR: z.string().trim().min(1).default("./data"),
  STRATA_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://hub.example.com" })
    .optional(),
  STRATA_EMBEDDED_RUNNER: flag.default(true),
  // Extra labels of the embedded runner, e.g. `image=base_image/openmind:<tag>` for model CI.
  STRATA_EMBEDDED_RUNNER_LABELS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const parsed = parseLabelList(value);
      if ("labels" in parsed) return parsed.labels;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }),
  STRATA_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  STRATA_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  STRATA_RUNNER_POLL_SECONDS: z.coerce.number().int().min(1).max(55).default(30),
  // Where image builds pull upstream bases (ubuntu:22.04 …) from, e.g. `mirror.example.cn/library`:
  // build hosts in China rarely reach Docker Hub.
  STRATA_BASE_MIRROR: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9.:-]*(\/[a-z0-9][a-z0-9._-]*)*$/i,
      "must be a registry host with an optional path",
    )
    .optional(),
  // A JSON stack spec that image builds use instead of the real one (a tiny stack, for tests).
  STRATA_IMAGE_STACK: z.string().trim().min(1).optional(),
  // How often idle Space apps are looked for and put to sleep.
  STRATA_SPACE_SLEEP_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Read by the server entry point (scripts/server.mjs); validated here too so that every process
  // that reads the configuration names a bad value the same way.
  STRATA_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GITEE_CLIENT_ID: z.string().min(1).optional(),
  GITEE_CLIENT_SECRET: z.string().min(1).optional(),
});

export type Config = {
  port: number;
  dataDir: string;
  publicUrl: string;
  embeddedRunnerLabels: Labels;
  embeddedRunner: boolean;
  authSecret: string;
  jobs: {
    /** A running job whose lease was not renewed for this long is considered lost. */
    leaseSeconds: number;
    /** How long a runner's poll for a job is held open when there is none. */
    pollSeconds: number;
  };
  images: {
    /** Registry (and path) that upstream bases are pulled through; null: pull them as named. */
    baseMirror: string | null;
    /** A JSON stack spec file replacing the real stack for image builds; null: the real stack. */
    stackFile: string | null;
  };
  spaces: {
    /** How often the sleeper looks for idle apps. */
    sleepCheckSeconds: number;
  };
  oauth: {
    github?: { clientId: string; clientSecret: string };
    gitee?: { clientId: string; clientSecret: string };
  };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseConfig(env: NodeJS.ProcessEnv): Omit<Config, "authSecret"> & {
  authSecret?: string;
} {
  // Empty strings count as unset, so `FOO= npm start` falls back to the default.
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== ""),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const pair = (id?: string, secret?: string) =>
    id && secret ? { clientId: id, clientSecret: secret } : undefined;
  return {
    port: e.PORT,
    dataDir: path.resolve(e.STRATA_DATA_DIR),
    publicUrl: (e.STRATA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    embeddedRunner: e.STRATA_EMBEDDED_RUNNER,
    embeddedRunnerLabels: e.STRATA_EMBEDDED_RUNNER_LABELS,
    authSecret: e.STRATA_AUTH_SECRET,
    jobs: { leaseSeconds: e.STRATA_JOB_LEASE_SECONDS, pollSeconds: e.STRATA_RUNNER_POLL_SECONDS },
    images: { baseMirror: e.STRATA_BASE_MIRROR ?? null, stackFile: e.STRATA_IMAGE_STACK ?? null },
    spaces: { sleepCheckSeconds: e.STRATA_SPACE_SLEEP_CHECK_SECONDS },
    oauth: {
      github: pair(e.GITHUB_CLIENT_ID, e.GITHUB_CLIENT_SECRET),
      gitee: pair(e.GITEE_CLIENT_ID, e.GITEE_CLIENT_SECRET),
    },
  };
}

/** Reads the secret kept in the data dir, creating it on first start (never overwriting one). */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return fs.readFileSync(file, "utf8").trim();
    }
    throw error;
  }
}

const globalForConfig = globalThis as unknown as { strataConfig?: Config };

export function getConfig(): Config {
  if (!globalForConfig.strataConfig) {
    const base = parseConfig(process.env);
    const config: Config = {
      ...base,
      authSecret: base.authSecret ?? persistedSecret(base.dataDir),
    };
    // next-auth v4 reads these two from the environment.
    process.env.NEXTAUTH_URL ??= config.publicUrl;
    process.env.NEXTAUTH_SECRET ??= config.authSecret;
    globalForConfig.strataConfig = config;
  }
  return globalForConfig.strataConfig;
}

/** Drops the cached configuration; tests use it after changing the environment. */
export function resetConfigForTests(): void {
  delete globalForConfig.strataConfig;
}
