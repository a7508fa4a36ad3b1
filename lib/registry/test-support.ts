// Test helpers: call the registry's route handlers directly with `new Request(...)`.
import { createHash } from "node:crypto";

import * as v2 from "@/app/v2/[[...path]]/route";
import * as tokenRoute from "@/app/v2/token/route";
import type { UserSummary } from "@/db/queries/owners";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { makeUser } from "@/test/factories";

import { mediaTypes } from "./manifest-format";

const base = "http://localhost:3000";
const ctx = { params: Promise.resolve({}) };

export type CallOptions = {
  auth?: string | null;
  body?: Buffer | string | ReadableStream<Uint8Array> | null;
  headers?: Record<string, string>;
};

type Method = "GET" | "HEAD" | "PUT" | "PATCH" | "POST" | "DELETE";

/** Sends a request to `/v2/…` (or a Location the registry returned) through the route handlers. */
export async function call(
  method: Method,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const url = new URL(path, base);
  const headers = new Headers(options.headers);
  if (options.auth) headers.set("authorization", options.auth);
  const request = new Request(url, {
    method,
    headers,
    body: Buffer.isBuffer(options.body) ? Uint8Array.from(options.body) : (options.body ?? null),
    duplex: "half",
  } as RequestInit);
  if (url.pathname === "/v2/token") {
    if (method !== "GET" && method !== "POST") throw new Error(`no ${method} on /v2/token`);
    return tokenRoute[method](request, ctx);
  }
  return v2[method](request, ctx);
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

export type TestAccount = { user: UserSummary; token: string; tokenId: number; auth: string };

export async function makeAccount(
  scope: "read" | "write" = "write",
  user?: UserSummary,
): Promise<TestAccount> {
  const owner = user ?? (await makeUser());
  const { token, id } = await createAccessToken(owner.id, { name: `registry-${scope}`, scope });
  return { user: owner, token, tokenId: id, auth: basic(owner.name, token) };
}

export function digestOf(bytes: Buffer | string): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

export async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { errors?: { code: string }[] };
  return body.errors?.[0]?.code;
}

/** Uploads a blob with POST + PUT ?digest= (monolithic) and returns its digest. */
export async function pushBlob(repository: string, auth: string, bytes: Buffer): Promise<string> {
  const digest = digestOf(bytes);
  const start = await call("POST", `/v2/${repository}/blobs/uploads/`, { auth });
  if (start.status !== 202) throw new Error(`upload start: ${start.status} ${await start.text()}`);
  const location = start.headers.get("location")!;
  const put = await call("PUT", `${location}?digest=${digest}`, { auth, body: bytes });
  if (put.status !== 201) throw new Error(`upload put: ${put.status} ${await put.text()}`);
  return digest;
}

export type TestImage = { manifest: Buffer; digest: string; config: Buffer; layers: Buffer[] };

/** An OCI image of the given layers; the config carries labels and a platform. */
export function buildImage(
  layers: Buffer[],
  labels: Record<string, string> = {},
  platform: { architecture?: string; created?: string } = {},
): TestImage {
  const config = Buffer.from(
    JSON.stringify({
      architecture: platform.architecture ?? "arm64",
      os: "linux",
      created: platform.created ?? "2026-01-02T03:04:05Z",
      config: { Labels: labels },
      rootfs: { type: "layers", diff_ids: layers.map((l) => digestOf(l)) },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: mediaTypes.ociManifest,
      config: {
        mediaType: "application/vnd.oci.image.config.v1+json",
        digest: digestOf(config),
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
        digest: digestOf(l),
        size: l.length,
      })),
    }),
  );
  return { manifest, digest: digestOf(manifest), config, layers };
}

/** Pushes an image's blobs and its manifest under `tag`. */
export async function pushImage(
  repository: string,
  auth: string,
  image: TestImage,
  tag = "latest",
): Promise<Response> {
  for (const blob of [...image.layers, image.config]) await pushBlob(repository, auth, blob);
  return call("PUT", `/v2/${repository}/manifests/${tag}`, {
    auth,
    body: image.manifest,
    headers: { "Content-Type": mediaTypes.ociManifest },
  });
}

/** An OCI index over images already pushed, each with the platform given for it. */
export function buildIndex(
  children: { image: TestImage; os?: string; architecture: string }[],
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: mediaTypes.ociIndex,
      manifests: children.map(({ image, os, architecture }) => ({
        mediaType: mediaTypes.ociManifest,
        digest: image.digest,
        size: image.manifest.length,
        platform: { os: os ?? "linux", architecture },
      })),
    }),
  );
}

/** Pushes an index manifest under `tag`. */
export function pushIndex(
  repository: string,
  auth: string,
  index: Buffer,
  tag: string,
): Promise<Response> {
  return call("PUT", `/v2/${repository}/manifests/${tag}`, {
    auth,
    body: index,
    headers: { "Content-Type": mediaTypes.ociIndex },
  });
}
