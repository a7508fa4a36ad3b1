import { describe, expect, it } from "vitest";

import { insertMember } from "@/db/queries/orgs";
import { makeOrg, makeUser, sessionCaller, tokenCaller } from "@/test/factories";

import { allowedActions, assertCan, type OwnedResource } from "./permissions";

const actions = async (...args: Parameters<typeof allowedActions>) =>
  [...(await allowedActions(...args))].sort();

describe("permissions", () => {
  it("lets anyone read public things and nobody else read private ones", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const pub: OwnedResource = { ownerId: owner.id, ownerKind: "user", isPrivate: false };
    const priv: OwnedResource = { ...pub, isPrivate: true };
    expect(await actions(null, pub)).toEqual(["read"]);
    expect(await actions(null, priv)).toEqual([]);
    expect(await actions(sessionCaller(stranger), priv)).toEqual([]);
    expect(await actions(sessionCaller(owner), priv)).toEqual(["admin", "read", "write"]);
  });

  it("maps organisation roles to actions", async () => {
    const admin = await makeUser();
    const org = await makeOrg(admin);
    const [reader, writer, outsider] = [await makeUser(), await makeUser(), await makeUser()];
    await insertMember(org.id, reader.id, "read");
    await insertMember(org.id, writer.id, "write");
    const repo: OwnedResource = { ownerId: org.id, ownerKind: "org", isPrivate: true };
    expect(await actions(sessionCaller(admin), repo)).toEqual(["admin", "read", "write"]);
    expect(await actions(sessionCaller(writer), repo)).toEqual(["read", "write"]);
    expect(await actions(sessionCaller(reader), repo)).toEqual(["read"]);
    expect(await actions(sessionCaller(outsider), repo)).toEqual([]);
  });

  it("never lets a read-only token write, whoever holds it", async () => {
    const owner = await makeUser();
    const siteAdmin = await makeUser({ isAdmin: true });
    const repo: OwnedResource = { ownerId: owner.id, ownerKind: "user", isPrivate: true };
    expect(await actions(tokenCaller(owner, "read"), repo)).toEqual(["read"]);
    expect(await actions(tokenCaller(siteAdmin, "read"), repo)).toEqual(["read"]);
    expect(await actions(tokenCaller(owner, "write"), repo)).toEqual(["admin", "read", "write"]);
  });

  it("reports unreadable things as missing and explains other refusals", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const priv: OwnedResource = { ownerId: owner.id, ownerKind: "user", isPrivate: true };
    const pub: OwnedResource = { ...priv, isPrivate: false };
    await expect(assertCan(sessionCaller(stranger), "read", priv, "Model")).rejects.toMatchObject({
      code: "not_found",
      message: "Model not found.",
    });
    await expect(assertCan(null, "write", pub)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(assertCan(tokenCaller(owner, "read"), "write", pub)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("read-only") as unknown,
    });
    await expect(assertCan(sessionCaller(stranger), "write", pub)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(assertCan(sessionCaller(owner), "admin", priv)).resolves.toBeUndefined();
  });
});
