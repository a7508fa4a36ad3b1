import { beforeAll, describe, expect, it } from "vitest";

import { insertMember } from "@/db/queries/orgs";
import { findRegistryRepository } from "@/db/queries/registry";
import { revokeAccessToken } from "@/lib/auth/access-tokens";
import { makeOrg, makeUser, sessionCaller } from "@/test/factories";

import { signRegistryToken } from "./registry-token";
import { setRepositoryVisibility } from "./repositories";
import {
  basic,
  bearer,
  buildImage,
  call,
  errorCode,
  makeAccount,
  pushBlob,
  pushImage,
  type TestAccount,
} from "./test-support";

let alice: TestAccount;
let bob: TestAccount;
let aliceReadOnly: TestAccount;
let privateRepo: string;
let publicRepo: string;

async function token(auth: string | null, ...scopes: string[]) {
  const query = new URLSearchParams([
    ["service", "localhost:3000"],
    ...scopes.map((s) => ["scope", s]),
  ]);
  const response = await call("GET", `/v2/token?${query.toString()}`, { auth });
  return {
    response,
    body: response.ok
      ? ((await response.json()) as { token: string; access_token: string; expires_in: number })
      : null,
  };
}

function claimsOf(jwt: string): {
  sub: string;
  access: { type: string; name: string; actions: string[] }[];
} {
  return JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as ReturnType<
    typeof claimsOf
  >;
}

beforeAll(async () => {
  alice = await makeAccount("write");
  bob = await makeAccount("write");
  aliceReadOnly = await makeAccount("read", alice.user);
  privateRepo = `${alice.user.name}/secret`;
  expect(
    (await pushImage(privateRepo, alice.auth, buildImage([Buffer.from("private layer")]))).status,
  ).toBe(201);
  publicRepo = `${alice.user.name}/open`;
  expect(
    (await pushImage(publicRepo, alice.auth, buildImage([Buffer.from("public layer")]))).status,
  ).toBe(201);
  await setRepositoryVisibility({
    caller: sessionCaller(alice.user),
    name: publicRepo,
    isPrivate: false,
  });
});

describe("the token flow", () => {
  it("challenges anonymous clients at /v2/ with the realm and service", async () => {
    const response = await call("GET", "/v2/");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="http://localhost:3000/v2/token",service="localhost:3000"',
    );
    expect(await errorCode(response)).toBe("UNAUTHORIZED");
    expect((await call("GET", "/v2/", { auth: alice.auth })).status).toBe(200);
  });

  it("grants the intersection of requested and allowed actions", async () => {
    const { body } = await token(
      bob.auth,
      `repository:${publicRepo}:pull,push`,
      `repository:${bob.user.name}/mine:pull,push,delete`,
      `repository:${privateRepo}:pull`,
      "registry:catalog:*",
    );
    expect(body!.expires_in).toBe(300);
    expect(body!.access_token).toBe(body!.token);
    const claims = claimsOf(body!.token);
    expect(claims.sub).toBe(`user:${bob.user.id}`);
    expect(claims.access).toEqual([
      { type: "repository", name: publicRepo, actions: ["pull"] },
      { type: "repository", name: `${bob.user.name}/mine`, actions: ["pull", "push", "delete"] },
      { type: "registry", name: "catalog", actions: ["*"] },
    ]);
  });

  it("gives anonymous clients pull on public repositories only", async () => {
    const { body } = await token(
      null,
      `repository:${publicRepo}:pull,push`,
      `repository:${privateRepo}:pull`,
    );
    const claims = claimsOf(body!.token);
    expect(claims.sub).toBe("");
    expect(claims.access).toEqual([{ type: "repository", name: publicRepo, actions: ["pull"] }]);
    const pulled = await call("GET", `/v2/${publicRepo}/manifests/latest`, {
      auth: bearer(body!.token),
    });
    expect(pulled.status).toBe(200);
  });

  it("refuses bad credentials at the token endpoint with a Basic challenge", async () => {
    const { response } = await token(
      basic(alice.user.name, "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1"),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
  });

  it("lets a read-only access token pull but never push", async () => {
    const { body } = await token(aliceReadOnly.auth, `repository:${privateRepo}:pull,push`);
    expect(claimsOf(body!.token).access).toEqual([
      { type: "repository", name: privateRepo, actions: ["pull"] },
    ]);
    const push = await call("POST", `/v2/${privateRepo}/blobs/uploads/`, {
      auth: aliceReadOnly.auth,
    });
    expect(push.status).toBe(403);
    expect(await errorCode(push)).toBe("DENIED");
  });

  it("runs a push with a registry token and asks for a new token when the scope is missing", async () => {
    const { body } = await token(alice.auth, `repository:${alice.user.name}/viatoken:pull`);
    const denied = await call("POST", `/v2/${alice.user.name}/viatoken/blobs/uploads/`, {
      auth: bearer(body!.token),
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toContain(
      `scope="repository:${alice.user.name}/viatoken:pull,push"`,
    );
    const { body: pushToken } = await token(
      alice.auth,
      `repository:${alice.user.name}/viatoken:pull,push`,
    );
    const image = buildImage([Buffer.from("pushed with a bearer token")]);
    expect(
      (await pushImage(`${alice.user.name}/viatoken`, bearer(pushToken!.token), image)).status,
    ).toBe(201);
  });

  it("stops a bearer token as soon as the access token it was made from is revoked", async () => {
    const account = await makeAccount("write", alice.user);
    const { body } = await token(account.auth, `repository:${publicRepo}:pull`);
    const tags = () => call("GET", `/v2/${publicRepo}/tags/list`, { auth: bearer(body!.token) });
    expect((await tags()).status).toBe(200);
    await revokeAccessToken(alice.user.id, account.tokenId);
    const after = await tags();
    expect(after.status).toBe(401);
    expect(await errorCode(after)).toBe("UNAUTHORIZED");
  });

  it("refuses forged, expired and foreign-audience tokens", async () => {
    const access = [{ type: "repository", name: privateRepo, actions: ["pull"] }];
    const { token: good } = signRegistryToken({
      subject: `user:${alice.user.id}`,
      audience: "localhost:3000",
      access,
    });
    const forged = `${good.split(".").slice(0, 2).join(".")}.${Buffer.alloc(32).toString("base64url")}`;
    const expired = signRegistryToken({
      subject: `user:${alice.user.id}`,
      audience: "localhost:3000",
      access,
      now: new Date(Date.now() - 3600_000),
    }).token;
    const foreign = signRegistryToken({
      subject: `user:${alice.user.id}`,
      audience: "elsewhere:5000",
      access,
    }).token;
    for (const jwt of [forged, expired, foreign]) {
      const response = await call("GET", `/v2/${privateRepo}/manifests/latest`, {
        auth: bearer(jwt),
      });
      expect(response.status).toBe(401);
    }
    expect(
      (await call("GET", `/v2/${privateRepo}/manifests/latest`, { auth: bearer(good) })).status,
    ).toBe(200);
  });
});

describe("namespace rules", () => {
  it("refuses an anonymous push with a challenge for push scope", async () => {
    const response = await call("POST", `/v2/${alice.user.name}/anon/blobs/uploads/`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain(
      `scope="repository:${alice.user.name}/anon:pull,push"`,
    );
  });

  it("denies a user without write on someone else's namespace", async () => {
    const response = await call("POST", `/v2/${publicRepo}/blobs/uploads/`, { auth: bob.auth });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("DENIED");
    const manifest = await call("PUT", `/v2/${publicRepo}/manifests/hijack`, {
      auth: bob.auth,
      body: "{}",
    });
    expect(await errorCode(manifest)).toBe("DENIED");
    const del = await call("DELETE", `/v2/${publicRepo}/manifests/latest`, { auth: bob.auth });
    expect(await errorCode(del)).toBe("DENIED");
  });

  it("denies pushing to a namespace that is no user or organisation", async () => {
    const response = await call("POST", "/v2/nobody-here-at-all/app/blobs/uploads/", {
      auth: alice.auth,
    });
    expect(await errorCode(response)).toBe("DENIED");
    const single = await call("POST", "/v2/toplevel/blobs/uploads/", { auth: alice.auth });
    expect(await errorCode(single)).toBe("DENIED");
  });

  it("lets organisation writers push and readers only pull; base_image repositories start public", async () => {
    const baseOrg = await makeOrg(alice.user, "base_image");
    const reader = await makeAccount("write");
    const writer = await makeAccount("write");
    await insertMember(baseOrg.id, reader.user.id, "read");
    await insertMember(baseOrg.id, writer.user.id, "write");
    const image = buildImage([Buffer.from("cann layer")]);
    expect((await pushImage("base_image/cann", writer.auth, image, "8.0")).status).toBe(201);
    expect(
      await errorCode(
        await call("POST", "/v2/base_image/cann/blobs/uploads/", { auth: reader.auth }),
      ),
    ).toBe("DENIED");
    expect((await findRegistryRepository("base_image/cann"))!.isPrivate).toBe(false);
    expect((await call("GET", "/v2/base_image/cann/manifests/8.0")).status).toBe(200);

    const org = await makeOrg(alice.user);
    await insertMember(org.id, writer.user.id, "write");
    expect((await pushImage(`${org.name}/tool`, writer.auth, image)).status).toBe(201);
    expect((await findRegistryRepository(`${org.name}/tool`))!.isPrivate).toBe(true);
  });

  it("keeps spaces/… for build jobs: users are denied and unknown job tokens refused", async () => {
    const push = await call("POST", `/v2/spaces/${alice.user.name}/demo/blobs/uploads/`, {
      auth: alice.auth,
    });
    expect(await errorCode(push)).toBe("DENIED");
    const unknownJob = `strjob_${"x".repeat(43)}`;
    const job = await call("POST", `/v2/spaces/${alice.user.name}/demo/blobs/uploads/`, {
      auth: basic("job", unknownJob),
    });
    expect(job.status).toBe(401);
    const { response } = await token(
      basic("job", unknownJob),
      `repository:spaces/${alice.user.name}/demo:push`,
    );
    expect(response.status).toBe(401);
  });
});

describe("private repositories", () => {
  it("change visibility only by their owner's administrators, and stay hidden from others", async () => {
    const change = (caller: Parameters<typeof setRepositoryVisibility>[0]["caller"]) =>
      setRepositoryVisibility({ caller, name: privateRepo, isPrivate: false });
    await expect(change(sessionCaller(bob.user))).rejects.toMatchObject({ code: "not_found" });
    await expect(change(null)).rejects.toMatchObject({ code: "not_found" });
    expect((await findRegistryRepository(privateRepo))!.isPrivate).toBe(true);
  });

  it("look like they do not exist to other users and to anonymous clients", async () => {
    const missing = `${alice.user.name}/does-not-exist`;
    for (const name of [privateRepo, missing]) {
      const asBob = await call("GET", `/v2/${name}/manifests/latest`, { auth: bob.auth });
      expect(asBob.status).toBe(404);
      expect(await errorCode(asBob)).toBe("NAME_UNKNOWN");
      const tags = await call("GET", `/v2/${name}/tags/list`, { auth: bob.auth });
      expect(await errorCode(tags)).toBe("NAME_UNKNOWN");
      const anonymous = await call("GET", `/v2/${name}/manifests/latest`);
      expect(anonymous.status).toBe(401);
      const push = await call("POST", `/v2/${name}/blobs/uploads/`, { auth: bob.auth });
      expect(await errorCode(push)).toBe("DENIED");
    }
  });

  it("cannot be mounted from by users who cannot read them", async () => {
    const layer = Buffer.from("private mount source");
    const digest = await pushBlob(privateRepo, alice.auth, layer);
    const mount = await call(
      "POST",
      `/v2/${bob.user.name}/stolen/blobs/uploads/?mount=${digest}&from=${privateRepo}`,
      {
        auth: bob.auth,
      },
    );
    expect(mount.status).toBe(202);
    expect(
      (await call("GET", `/v2/${bob.user.name}/stolen/blobs/${digest}`, { auth: bob.auth })).status,
    ).toBe(404);
  });

  it("are listed in the catalog only for those who can read them", async () => {
    const admin = await makeAccount("write", await makeUser({ isAdmin: true }));
    const names = async (auth: string | null) => {
      const response = await call("GET", "/v2/_catalog?n=1000", { auth });
      expect(response.status).toBe(200);
      return ((await response.json()) as { repositories: string[] }).repositories;
    };
    const forAlice = await names(alice.auth);
    expect(forAlice).toContain(privateRepo);
    expect(forAlice).toEqual([...forAlice].sort());
    const forBob = await names(bob.auth);
    expect(forBob).toContain(publicRepo);
    expect(forBob).not.toContain(privateRepo);
    expect(await names(null)).not.toContain(privateRepo);
    expect(await names(admin.auth)).toContain(privateRepo);
  });

  it("paginates the catalog with Link", async () => {
    const first = await call("GET", "/v2/_catalog?n=1", { auth: alice.auth });
    const [only] = ((await first.json()) as { repositories: string[] }).repositories;
    expect(first.headers.get("link")).toBe(
      `</v2/_catalog?n=1&last=${encodeURIComponent(only!)}>; rel="next"`,
    );
    const tooMany = await call("GET", "/v2/_catalog?n=5000", { auth: alice.auth });
    expect(await errorCode(tooMany)).toBe("PAGINATION_NUMBER_INVALID");
  });
});
