import { beforeAll, describe, expect, it } from "vitest";

import { PUT } from "@/app/api/images/[namespace]/[name]/settings/route";
import { findImageRepositoryRow } from "@/db/queries/images";
import { insertMember } from "@/db/queries/orgs";
import { findRegistryRepository } from "@/db/queries/registry";
import { createAccessToken } from "@/lib/auth/access-tokens";
import {
  buildImage,
  call,
  makeAccount,
  pushImage,
  type TestAccount,
} from "@/lib/registry/test-support";
import { makeOrg, makeUser, uniqueName } from "@/test/factories";

let owner: TestAccount;
let repo: string;

async function put(path: string, body: unknown, token?: string) {
  const [namespace, name] = path.split("/") as [string, string];
  const request = new Request(`http://localhost:3000/api/images/${path}/settings`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await PUT(request, { params: Promise.resolve({ namespace, name }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function tokenOf(userId: number, scope: "read" | "write" = "write") {
  return (await createAccessToken(userId, { name: uniqueName("t"), scope })).token;
}

beforeAll(async () => {
  owner = await makeAccount("write");
  repo = `${owner.user.name}/${uniqueName("app")}`;
  expect((await pushImage(repo, owner.auth, buildImage([Buffer.from(repo)]))).status).toBe(201);
});

describe("PUT /api/images/{namespace}/{name}/settings", () => {
  it("makes the repository public and sets its description for a writer", async () => {
    const { status, body } = await put(
      repo,
      { private: false, description: " For the demo. " },
      owner.token,
    );
    expect(status).toBe(200);
    expect(body).toEqual({ name: repo, private: false, description: "For the demo." });
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(false);
    const [namespace, name] = repo.split("/") as [string, string];
    expect((await findImageRepositoryRow(namespace, name))!.description).toBe("For the demo.");
    expect((await call("GET", `/v2/${repo}/manifests/latest`)).status).toBe(200);

    expect((await put(repo, { private: true }, owner.token)).body).toEqual({
      name: repo,
      private: true,
    });
    expect((await call("GET", `/v2/${repo}/manifests/latest`)).status).toBe(401);
  });

  it("asks anonymous callers to authenticate (401)", async () => {
    expect((await put(repo, { private: false })).status).toBe(401);
  });

  it("reports a private repository as missing to other users, like one that does not exist (404)", async () => {
    const other = await makeUser();
    expect((await put(repo, { private: false }, await tokenOf(other.id))).status).toBe(404);
    expect(
      (await put(`${owner.user.name}/nothing-here`, { private: false }, owner.token)).status,
    ).toBe(404);
    expect((await put("base_image/cann", { private: true }, owner.token)).status).toBe(404);
    expect((await put("Bad Name/x", { private: false }, owner.token)).status).toBe(404);
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(true);
  });

  it("refuses readers and read-only tokens (403)", async () => {
    const admin = await makeUser();
    const org = await makeOrg(admin);
    const reader = await makeUser();
    await insertMember(org.id, reader.id, "read");
    const orgRepo = `${org.name}/${uniqueName("img")}`;
    const adminAccount = await makeAccount("write", admin);
    expect(
      (await pushImage(orgRepo, adminAccount.auth, buildImage([Buffer.from(orgRepo)]))).status,
    ).toBe(201);
    const refused = await put(orgRepo, { private: false }, await tokenOf(reader.id));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/permission/);
    expect((await put(repo, { private: false }, await tokenOf(owner.user.id, "read"))).status).toBe(
      403,
    );
    expect((await put(orgRepo, { private: false }, adminAccount.token)).status).toBe(200);
  });

  it("refuses bad input with a message that says what to send (400)", async () => {
    for (const body of [
      {},
      { private: "yes" },
      { private: false, description: 3 },
      { private: false, extra: 1 },
    ]) {
      const response = await put(repo, body, owner.token);
      expect(response.status).toBe(400);
      expect(typeof response.body.error).toBe("string");
    }
    expect((await put(repo, { description: "x" }, owner.token)).body.error).toMatch(/private/);
    expect(
      (await put(repo, { private: false, description: "x".repeat(2001) }, owner.token)).body.error,
    ).toMatch(/2000/);
    expect((await put(repo, "{not json", owner.token)).body.error).toMatch(/JSON/);
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(true);
  });
});
