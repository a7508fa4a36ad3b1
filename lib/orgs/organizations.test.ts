import { describe, expect, it } from "vitest";

import { findMemberRole, listMembers } from "@/db/queries/orgs";
import { makeUser, sessionCaller, tokenCaller, uniqueName } from "@/test/factories";

import {
  addMember,
  changeMemberRole,
  createOrganization,
  leaveOrganization,
  removeMember,
} from "./organizations";

describe("organisations", () => {
  it("are created with their creator as admin, sharing the namespace with users", async () => {
    const creator = await makeUser();
    const org = await createOrganization(sessionCaller(creator), { name: uniqueName("org") });
    expect(await findMemberRole(org.id, creator.id)).toBe("admin");
    await expect(
      createOrganization(sessionCaller(creator), { name: creator.name.toUpperCase() }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(createOrganization(sessionCaller(creator), { name: "models" })).rejects.toThrow(
      /reserved/,
    );
  });

  it("let admins add members, change roles and remove them", async () => {
    const admin = await makeUser();
    const member = await makeUser();
    const org = await createOrganization(sessionCaller(admin), { name: uniqueName("org") });
    await addMember(sessionCaller(admin), { org: org.name, username: member.name, role: "read" });
    await expect(
      addMember(sessionCaller(admin), { org: org.name, username: member.name, role: "read" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await changeMemberRole(sessionCaller(admin), {
      org: org.name,
      username: member.name,
      role: "write",
    });
    expect(await findMemberRole(org.id, member.id)).toBe("write");
    await removeMember(sessionCaller(admin), { org: org.name, username: member.name });
    expect(await findMemberRole(org.id, member.id)).toBeNull();
    await expect(
      addMember(sessionCaller(admin), {
        org: org.name,
        username: uniqueName("ghost"),
        role: "read",
      }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuse member management by non-admins and by read-only tokens", async () => {
    const admin = await makeUser();
    const writer = await makeUser();
    const outsider = await makeUser();
    const org = await createOrganization(sessionCaller(admin), { name: uniqueName("org") });
    await addMember(sessionCaller(admin), { org: org.name, username: writer.name, role: "write" });
    await expect(
      addMember(sessionCaller(writer), { org: org.name, username: outsider.name, role: "admin" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      addMember(tokenCaller(admin, "read"), {
        org: org.name,
        username: outsider.name,
        role: "read",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await listMembers(org.id)).map((m) => m.name).sort()).toEqual(
      [admin.name, writer.name].sort(),
    );
  });

  it("keep at least one admin: the last admin can neither leave nor be demoted", async () => {
    const admin = await makeUser();
    const other = await makeUser();
    const org = await createOrganization(sessionCaller(admin), { name: uniqueName("org") });
    await expect(leaveOrganization(sessionCaller(admin), org.name)).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      changeMemberRole(sessionCaller(admin), {
        org: org.name,
        username: admin.name,
        role: "write",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await addMember(sessionCaller(admin), { org: org.name, username: other.name, role: "admin" });
    await leaveOrganization(sessionCaller(admin), org.name);
    expect(await findMemberRole(org.id, admin.id)).toBeNull();
    expect(await findMemberRole(org.id, other.id)).toBe("admin");
  });
});
