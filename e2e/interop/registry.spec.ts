// Interop: real skopeo (and umoci to build the image) against the Strata server the Playwright
// config starts (STRATA_E2E_URL). Its users and tokens are made with the admin CLI.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { cli, createToken, createUser } from "../support/cli";
import {
  e2eUrl as baseURL,
  basicAuth,
  buildLayout,
  layoutManifestDigest,
  pushLayout,
  registryHost,
  sha256,
  skopeo,
  type RegistryAccount,
} from "../support/registry";

async function makeAccount(): Promise<RegistryAccount> {
  const user = await createUser({ prefix: "reg" });
  return { user: user.username, token: await createToken(user.username, "write") };
}

async function startUpload(
  request: APIRequestContext,
  repo: string,
  account: RegistryAccount,
): Promise<string> {
  const start = await request.post(`${baseURL}/v2/${repo}/blobs/uploads/`, {
    headers: basicAuth(account),
  });
  expect(start.status()).toBe(202);
  return new URL(start.headers()["location"]!, baseURL).toString();
}

test.describe.configure({ mode: "serial" });

test.describe("registry interop with skopeo", () => {
  let pusher: RegistryAccount;
  let other: RegistryAccount;
  let repo: string;
  let image: string;
  let dir: string;
  let layout: string;

  test.beforeAll(async () => {
    [pusher, other] = await Promise.all([makeAccount(), makeAccount()]);
    repo = `${pusher.user.toLowerCase()}/interop-${randomBytes(4).toString("hex")}`;
    image = `docker://${registryHost}/${repo}:v1`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-registry-e2e-"));
    layout = await buildLayout(dir, { "org.example.title": "interop" });
  });

  test.afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("push with skopeo copy, list tags, inspect and copy back with the same digests", async () => {
    const creds = `${pusher.user}:${pusher.token}`;
    const push = await pushLayout(layout, pusher, repo, "v1");
    expect(push.ok, push.stderr).toBe(true);

    const tags = await skopeo([
      "list-tags",
      "--creds",
      creds,
      "--tls-verify=false",
      `docker://${registryHost}/${repo}`,
    ]);
    expect((JSON.parse(tags.stdout) as { Tags: string[] }).Tags).toEqual(["v1"]);

    const inspect = await skopeo(["inspect", "--creds", creds, "--tls-verify=false", image]);
    const info = JSON.parse(inspect.stdout) as {
      Digest: string;
      Labels: Record<string, string>;
      Layers: string[];
    };
    expect(info.Digest).toBe(layoutManifestDigest(layout));
    expect(info.Labels["org.example.title"]).toBe("interop");
    expect(info.Layers).toHaveLength(2);

    const raw = await skopeo(["inspect", "--raw", "--creds", creds, "--tls-verify=false", image]);
    expect(sha256(raw.stdout)).toBe(info.Digest);

    const back = path.join(dir, "back");
    const pull = await skopeo([
      "copy",
      "--src-creds",
      creds,
      "--src-tls-verify=false",
      image,
      `oci:${back}:v1`,
    ]);
    expect(pull.ok, pull.stderr).toBe(true);
    expect(layoutManifestDigest(back)).toBe(layoutManifestDigest(layout));
    for (const blob of fs.readdirSync(path.join(layout, "blobs", "sha256"))) {
      const copied = path.join(back, "blobs", "sha256", blob);
      // Every blob the image uses comes back byte for byte (umoci may keep unused older blobs).
      if (fs.existsSync(copied)) expect(sha256(fs.readFileSync(copied))).toBe(`sha256:${blob}`);
    }
    expect(fs.readdirSync(path.join(back, "blobs", "sha256"))).toHaveLength(4);
  });

  test("answers HEAD with Content-Length and Docker-Content-Digest, as docker and containerd need", async ({
    request,
  }) => {
    const manifestDigest = layoutManifestDigest(layout);
    const manifest = await request.head(`${baseURL}/v2/${repo}/manifests/v1`, {
      headers: { ...basicAuth(pusher), Accept: "application/vnd.oci.image.manifest.v1+json" },
    });
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()["docker-content-digest"]).toBe(manifestDigest);
    const manifestBytes = fs.readFileSync(
      path.join(layout, "blobs", "sha256", manifestDigest.slice(7)),
    );
    expect(manifest.headers()["content-length"]).toBe(String(manifestBytes.length));

    const layer = (
      JSON.parse(manifestBytes.toString("utf8")) as { layers: { digest: string; size: number }[] }
    ).layers[1]!;
    const blob = await request.head(`${baseURL}/v2/${repo}/blobs/${layer.digest}`, {
      headers: basicAuth(pusher),
    });
    expect(blob.status()).toBe(200);
    expect(blob.headers()["content-length"]).toBe(String(layer.size));
    expect(blob.headers()["docker-content-digest"]).toBe(layer.digest);
  });

  test("refuses an anonymous push and a push by a user without write access", async () => {
    const anonymous = await pushLayout(layout, null, repo, "anon");
    expect(anonymous.ok).toBe(false);
    expect(anonymous.stderr).toMatch(/unauthorized|authentication required/i);

    const denied = await pushLayout(layout, other, repo, "hijack");
    expect(denied.ok).toBe(false);
    expect(denied.stderr).toMatch(/denied/i);
  });

  test("keeps a private repository invisible to other users and to anonymous clients", async () => {
    const asOther = await skopeo([
      "inspect",
      "--creds",
      `${other.user}:${other.token}`,
      "--tls-verify=false",
      image,
    ]);
    expect(asOther.ok).toBe(false);
    expect(asOther.stderr).toMatch(/name unknown|not found/i);
    const anonymous = await skopeo(["inspect", "--tls-verify=false", image]);
    expect(anonymous.ok).toBe(false);
    expect(anonymous.stderr).toMatch(/unauthorized|authentication required/i);
  });

  test("accepts a chunked upload and a cross-repository mount", async ({ request }) => {
    const bytes = randomBytes(300_000);
    let location = await startUpload(request, repo, pusher);
    for (let offset = 0; offset < bytes.length; offset += 100_000) {
      const chunk = bytes.subarray(offset, offset + 100_000);
      const patch = await request.patch(location, {
        headers: {
          ...basicAuth(pusher),
          "Content-Range": `${offset}-${offset + chunk.length - 1}`,
          "Content-Type": "application/octet-stream",
        },
        data: chunk,
      });
      expect(patch.status()).toBe(202);
      expect(patch.headers()["range"]).toBe(`0-${offset + chunk.length - 1}`);
      location = new URL(patch.headers()["location"]!, baseURL).toString();
    }
    const put = await request.put(`${location}?digest=${sha256(bytes)}`, {
      headers: basicAuth(pusher),
    });
    expect(put.status()).toBe(201);

    const target = `${repo}-mounted`;
    const mount = await request.post(
      `${baseURL}/v2/${target}/blobs/uploads/?mount=${sha256(bytes)}&from=${repo}`,
      {
        headers: basicAuth(pusher),
      },
    );
    expect(mount.status()).toBe(201);
    const blob = await request.get(`${baseURL}/v2/${target}/blobs/${sha256(bytes)}`, {
      headers: basicAuth(pusher),
    });
    expect(Buffer.from(await blob.body()).equals(bytes)).toBe(true);
  });

  test("refuses a bad digest with DIGEST_INVALID and leaves nothing behind", async ({
    request,
  }) => {
    const bytes = Buffer.from(`content ${randomBytes(8).toString("hex")}`);
    const wrong = sha256(`not ${bytes.toString()}`);
    const location = await startUpload(request, repo, pusher);
    await request.patch(location, {
      headers: { ...basicAuth(pusher), "Content-Type": "application/octet-stream" },
      data: bytes,
    });
    const put = await request.put(`${location}?digest=${wrong}`, { headers: basicAuth(pusher) });
    expect(put.status()).toBe(400);
    expect(((await put.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
      "DIGEST_INVALID",
    );
    for (const digest of [wrong, sha256(bytes)]) {
      const head = await request.head(`${baseURL}/v2/${repo}/blobs/${digest}`, {
        headers: basicAuth(pusher),
      });
      expect(head.status()).toBe(404);
    }
    expect((await request.get(location, { headers: basicAuth(pusher) })).status()).toBe(404);
  });

  test("garbage collection reports, in a dry run, without deleting what the pushes use", async ({
    request,
  }) => {
    const report = await cli("registry:gc", "--dry-run");
    expect(report).toMatch(/^Would free \d+ unused blob\(s\)/);
    const head = await request.head(`${baseURL}/v2/${repo}/manifests/v1`, {
      headers: basicAuth(pusher),
    });
    expect(head.status()).toBe(200);
  });
});
