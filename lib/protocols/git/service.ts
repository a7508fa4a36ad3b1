import "server-only";

import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import zlib from "node:zlib";

import { AppError } from "@/lib/errors";
import { gitArgs, gitEnv } from "@/lib/hub/git/run";

import { flushPkt, pktLine } from "./pkt-line";

const gitServices = ["git-upload-pack", "git-receive-pack"] as const;
export type GitService = (typeof gitServices)[number];

export function isGitService(value: string | null): value is GitService {
  return (gitServices as readonly string[]).includes(value ?? "");
}

const noCache = {
  "Cache-Control": "no-cache, max-age=0, must-revalidate",
  Pragma: "no-cache",
  Expires: "Fri, 01 Jan 1980 00:00:00 GMT",
};

/** The `Git-Protocol` header (e.g. `version=2`), passed to git as GIT_PROTOCOL when it is well formed. */
export function gitProtocolEnv(request: Request): Record<string, string> {
  const value = request.headers.get("git-protocol")?.trim() ?? "";
  return /^[A-Za-z0-9=:._-]{1,200}$/.test(value) ? { GIT_PROTOCOL: value } : {};
}

function wantsV2(env: Record<string, string>): boolean {
  return (env.GIT_PROTOCOL ?? "").split(":").includes("version=2");
}

type ServiceRun = {
  gitDir: string;
  service: GitService;
  env: Record<string, string>;
  /** Global git options before the subcommand, e.g. `-c core.hooksPath=…`. */
  config?: string[];
};

function spawnService(run: ServiceRun, extraArgs: string[]) {
  const subcommand = run.service.slice("git-".length);
  return spawn(
    "git",
    gitArgs({
      gitDir: run.gitDir,
      args: [...(run.config ?? []), subcommand, "--stateless-rpc", ...extraArgs, run.gitDir],
    }),
    { env: gitEnv(run.env) as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] },
  );
}

/** The exit code (null when killed, or when git could not be started at all). */
function exitOf(child: ReturnType<typeof spawnService>): Promise<number | null> {
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error("[strata] could not run git", error);
      resolve(null);
    });
    child.on("close", resolve);
  });
}

function collectStderr(stream: NodeJS.ReadableStream): () => string {
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    if (text.length < 16 * 1024) text += chunk.toString("utf8");
  });
  return () => text;
}

/**
 * Protocol v2's advertisement lists capabilities, not refs: it depends only on the git binary and
 * the repository's config, neither of which changes while the server runs (users cannot change
 * repository config). Caching it saves a git process on every clone and fetch.
 */
const v2Advertisements = new Map<string, Buffer>();
const maxCachedAdvertisements = 1000;

async function runAdvertisement(run: ServiceRun): Promise<Buffer> {
  const child = spawnService(run, ["--advertise-refs"]);
  child.stdin.end();
  const stderr = collectStderr(child.stderr);
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) chunks.push(chunk);
  const code = await exitOf(child);
  if (code !== 0)
    throw new Error(
      `git ${run.service} --advertise-refs failed (${code}): ${stderr().slice(0, 500)}`,
    );
  return Buffer.concat(chunks);
}

/**
 * `GET info/refs?service=…`: the ref advertisement. Protocol v2 clients get git's capability
 * advertisement as it is; older ones get the `# service=` preamble first (as git http-backend does).
 */
export async function advertiseRefs(run: ServiceRun): Promise<Response> {
  const headers = { ...noCache, "Content-Type": `application/x-${run.service}-advertisement` };
  // receive-pack has no protocol v2: it always advertises refs, which must never be cached.
  if (run.service !== "git-upload-pack" || !wantsV2(run.env)) {
    const refs = await runAdvertisement(run);
    return new Response(Buffer.concat([pktLine(`# service=${run.service}\n`), flushPkt, refs]), {
      headers,
    });
  }
  const key = `${run.service}\0${run.gitDir}`;
  let advertisement = v2Advertisements.get(key);
  if (!advertisement) {
    advertisement = await runAdvertisement(run);
    if (v2Advertisements.size >= maxCachedAdvertisements) v2Advertisements.clear();
    v2Advertisements.set(key, advertisement);
  }
  return new Response(new Uint8Array(advertisement), { headers });
}

/** The request body as a Node stream, gunzipped when the client compressed it (git does for large requests). */
function requestBody(request: Request): Readable {
  if (!request.body) return Readable.from([]);
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (!encoding || encoding === "identity") return body;
  if (encoding !== "gzip" && encoding !== "x-gzip")
    throw new AppError("bad_request", `Unsupported Content-Encoding "${encoding}".`);
  const gunzip = zlib.createGunzip();
  body.on("error", (error) => gunzip.destroy(error));
  return body.pipe(gunzip);
}

export type RpcOptions = ServiceRun & {
  /** Sees (and may tap) the decoded request body on its way to git. */
  transformBody?: (body: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
  /** Runs after git has exited successfully, before the response ends (so the client sees its effects). */
  onSuccess?: () => Promise<void>;
};

/**
 * `POST git-upload-pack` / `git-receive-pack`: streams the request body into
 * `git <service> --stateless-rpc` and git's output back, both ways without buffering.
 */
export function serviceRpc(request: Request, options: RpcOptions): Response {
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim();
  if (contentType !== `application/x-${options.service}-request`) {
    throw new AppError(
      "bad_request",
      `Expected Content-Type application/x-${options.service}-request.`,
    );
  }
  const body = requestBody(request);
  const child = spawnService(options, []);
  const stderr = collectStderr(child.stderr);
  const exited = exitOf(child);
  const source = options.transformBody ? Readable.from(options.transformBody(body)) : body;
  // git may stop reading early (an error it reports in its output); the exit code tells.
  child.stdin.on("error", () => {});
  const fed = pipeline(source, child.stdin).catch((error: unknown) => {
    child.kill("SIGKILL");
    return error;
  });

  async function* output(): AsyncGenerator<Buffer> {
    let finished = false;
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) yield chunk;
      const [code, feedError] = await Promise.all([exited, fed]);
      finished = true;
      if (code !== 0) {
        console.error(
          `[strata] git ${options.service} exited with ${code}`,
          feedError ?? "",
          stderr().slice(0, 2000),
        );
        return;
      }
      // What git did is done: a failure to announce it is logged, not turned into a failed push.
      await options.onSuccess?.().catch((error: unknown) => {
        console.error(`[strata] after git ${options.service}`, error);
      });
    } finally {
      // The client went away (or git failed): stop git and the upload.
      if (!finished) child.kill("SIGKILL");
    }
  }

  return new Response(Readable.toWeb(Readable.from(output())) as ReadableStream<Uint8Array>, {
    headers: { ...noCache, "Content-Type": `application/x-${options.service}-result` },
  });
}
