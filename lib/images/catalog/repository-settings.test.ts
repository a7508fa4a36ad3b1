import { beforeAll, describe, expect, it } from "vitest";

import { findImageRepositoryRow, findImageTagRow } from "@/db/queries/images";
import { insertMember } from "@/db/queries/orgs";
import { findRegistryRepository } from "@/db/queries/registry";
import type { Caller } from "@/lib/auth/caller";
import { runRegistryGc } from "@/lib/registry/gc";
import {
  buildImage,
  call,
  errorCode,
  makeAccount,
  pushImage,
  type TestAccount,
} from "@/lib/registry/test-support";
import { makeOrg, makeUser, sessionCaller, tokenCaller, uniqueName } from "@/test/factories";

import { seedImageCatalog } from "./catalog-seed";
import {
  canManageImageRepository,
  deleteImageRepository,
  deleteImageTag,
  loadImageRepositorySettings,
  updateImageRepositorySettings,
} from "./repository-settings";

let alice: TestAccount;
let bob: Caller;
let admin: Caller;

const pathOf = (full: string) => {
  const [namespace, name] = full.split("/") as [string, string];
  return { namespace, name };
};

async function pushed(owner: TestAccount, tags = ["latest"]): Promise<string> {
  const repo = `${owner.user.name}/${uniqueName("app")}`;
  const image = buildImage([Buffer.from(`layer of ${repo}`)]);
  for (const tag of tags) expect((await pushImage(repo, owner.auth, image, tag)).status).toBe(201);
  return repo;
}

beforeAll(async () => {
  alice = await makeAccount("write");
  bob = sessionCaller(await makeUser());
  admin = sessionCaller(await makeUser({ isAdmin: true }));
});

describe("visibility", () => {
  it("makes a pushed repository public for anonymous pulls and the image center, and private again", async () => {
    const repo = await pushed(alice);
    expect((await call("GET", `/v2/${repo}/manifests/latest`)).status).toBe(401);
    await updateImageRepositorySettings(sessionCaller(alice.user), pathOf(repo), {
      isPrivate: false,
    });
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(false);
    expect(
      (await findImageRepositoryRow(pathOf(repo).namespace, pathOf(repo).name))!.visibility,
    ).toBe("public");
    expect((await call("GET", `/v2/${repo}/manifests/latest`)).status).toBe(200);

    await updateImageRepositorySettings(sessionCaller(alice.user), pathOf(repo), {
      isPrivate: true,
    });
    expect((await call("GET", `/v2/${repo}/manifests/latest`)).status).toBe(401);
    expect(
      (await findImageRepositoryRow(pathOf(repo).namespace, pathOf(repo).name))!.visibility,
    ).toBe("private");
  });

  it("leaves the visibility alone when only the description changes", async () => {
    const repo = await pushed(alice);
    const result = await updateImageRepositorySettings(sessionCaller(alice.user), pathOf(repo), {
      description: "Serves the demo.",
    });
    expect(result).toEqual({ isPrivate: true, description: "Serves the demo." });
    expect(
      (await findImageRepositoryRow(pathOf(repo).namespace, pathOf(repo).name))!.description,
    ).toBe("Serves the demo.");
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(true);
    const settings = await loadImageRepositorySettings(sessionCaller(alice.user), pathOf(repo));
    expect(settings).toMatchObject({
      isPrivate: true,
      description: "Serves the demo.",
      tags: ["latest"],
    });
  });
});

describe("who may change settings", () => {
  it("refuses anonymous callers, other users, readers and read-only tokens, and allows writers and org admins", async () => {
    const orgAdmin = await makeUser();
    const org = await makeOrg(orgAdmin);
    const reader = await makeUser();
    const writer = await makeUser();
    await insertMember(org.id, reader.id, "read");
    await insertMember(org.id, writer.id, "write");
    const writerAccount = await makeAccount("write", writer);
    const repo = `${org.name}/${uniqueName("model")}`;
    expect(
      (await pushImage(repo, writerAccount.auth, buildImage([Buffer.from(repo)]))).status,
    ).toBe(201);
    const path = pathOf(repo);
    const change = (caller: Caller | null) =>
      updateImageRepositorySettings(caller, path, { description: "x" });

    // Private: those who cannot read it are told it does not exist.
    await expect(change(null)).rejects.toMatchObject({ code: "not_found" });
    await expect(change(bob)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteImageTag(bob, { ...path, tag: "latest" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteImageRepository(bob, path)).rejects.toMatchObject({ code: "not_found" });
    await expect(loadImageRepositorySettings(bob, path)).rejects.toMatchObject({
      code: "not_found",
    });
    // Readers may see it but not change it.
    await expect(change(sessionCaller(reader))).rejects.toMatchObject({ code: "forbidden" });
    await expect(change(tokenCaller(writer, "read"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      deleteImageTag(sessionCaller(reader), { ...path, tag: "latest" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteImageRepository(sessionCaller(reader), path)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(loadImageRepositorySettings(sessionCaller(reader), path)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await canManageImageRepository(sessionCaller(reader), path)).toBe(false);
    expect(await canManageImageRepository(null, path)).toBe(false);
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(true);

    // Writers, org admins and site admins may.
    for (const caller of [
      sessionCaller(writer),
      tokenCaller(writer, "write"),
      sessionCaller(orgAdmin),
      admin,
    ]) {
      expect(await canManageImageRepository(caller, path)).toBe(true);
      await expect(change(caller)).resolves.toBeTruthy();
    }
    // A writer may publish what they may push (and take it back); so may the organisation's admins.
    await updateImageRepositorySettings(sessionCaller(writer), path, { isPrivate: false });
    await updateImageRepositorySettings(sessionCaller(orgAdmin), path, { isPrivate: true });
    await updateImageRepositorySettings(tokenCaller(writer, "write"), path, { isPrivate: false });
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(false);

    // Public: anonymous callers must sign in, other users may not write.
    await expect(change(null)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(change(bob)).rejects.toMatchObject({ code: "forbidden" });
    expect(await canManageImageRepository(bob, path)).toBe(false);
  });

  it("finds no settings for repositories the registry does not hold, such as the seeded catalog", async () => {
    await seedImageCatalog();
    const seeded = { namespace: "base_image", name: "cann" };
    expect(await findImageRepositoryRow("base_image", "cann")).not.toBeNull();
    expect(await canManageImageRepository(admin, seeded)).toBe(false);
    await expect(loadImageRepositorySettings(admin, seeded)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      updateImageRepositorySettings(admin, seeded, { isPrivate: true }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    const missing = { namespace: alice.user.name, name: "missing" };
    await expect(
      updateImageRepositorySettings(sessionCaller(alice.user), missing, { isPrivate: false }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("deleting", () => {
  it("removes one tag from the registry and the catalog", async () => {
    const repo = await pushed(alice, ["latest", "v1"]);
    const path = pathOf(repo);
    await deleteImageTag(sessionCaller(alice.user), { ...path, tag: "v1" });
    const gone = await call("GET", `/v2/${repo}/manifests/v1`, { auth: alice.auth });
    expect(gone.status).toBe(404);
    expect(await errorCode(gone)).toBe("MANIFEST_UNKNOWN");
    expect((await call("GET", `/v2/${repo}/manifests/latest`, { auth: alice.auth })).status).toBe(
      200,
    );
    const catalog = await findImageRepositoryRow(path.namespace, path.name);
    expect(await findImageTagRow(catalog!.id, "v1")).toBeNull();
    expect(await findImageTagRow(catalog!.id, "latest")).not.toBeNull();
    expect((await loadImageRepositorySettings(sessionCaller(alice.user), path)).tags).toEqual([
      "latest",
    ]);
    await expect(
      deleteImageTag(sessionCaller(alice.user), { ...path, tag: "v1" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("removes a repository so pulls 404, its blobs can be collected and the name pushed again", async () => {
    const repo = await pushed(alice, ["latest", "v1"]);
    const path = pathOf(repo);
    await deleteImageRepository(sessionCaller(alice.user), path);
    expect(await findRegistryRepository(repo)).toBeNull();
    expect(await findImageRepositoryRow(path.namespace, path.name)).toBeNull();
    const pull = await call("GET", `/v2/${repo}/manifests/latest`, { auth: alice.auth });
    expect(pull.status).toBe(404);
    expect(await errorCode(pull)).toBe("NAME_UNKNOWN");
    const tags = await call("GET", `/v2/${repo}/tags/list`, { auth: alice.auth });
    expect(await errorCode(tags)).toBe("NAME_UNKNOWN");
    const gc = await runRegistryGc({ now: new Date(Date.now() + 2 * 3600_000) });
    expect(gc.blobs.count).toBeGreaterThanOrEqual(2);

    expect((await pushImage(repo, alice.auth, buildImage([Buffer.from("again")]))).status).toBe(
      201,
    );
    expect((await findRegistryRepository(repo))!.isPrivate).toBe(true);
    expect((await loadImageRepositorySettings(sessionCaller(alice.user), path)).tags).toEqual([
      "latest",
    ]);
  });
});
