import { describe, expect, it } from "vitest";

import { sessionCaller, tokenCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";

import { createRepoRef, deleteRepoRef, listRepoRefs } from "./refs";

describe("branches and tags from the web", () => {
  it("lets a writer create and delete a branch and a tag at a revision", async () => {
    const owner = await makeAccount();
    const { address } = await makeHubRepo(owner);
    const caller = sessionCaller(owner);
    const branch = await createRepoRef(caller, {
      repo: address,
      kind: "branch",
      name: "dev/next",
      from: "main",
    });
    await createRepoRef(caller, { repo: address, kind: "tag", name: "v1.0", from: "dev/next" });
    const refs = await listRepoRefs(null, address);
    expect(refs.branches.map((b) => b.name)).toEqual(["dev/next", "main"]);
    expect(refs.tags).toEqual([expect.objectContaining({ name: "v1.0", commit: branch.commit })]);

    await deleteRepoRef(caller, { repo: address, kind: "tag", name: "v1.0" });
    await deleteRepoRef(caller, { repo: address, kind: "branch", name: "dev/next" });
    const after = await listRepoRefs(caller, address);
    expect(after.branches.map((b) => b.name)).toEqual(["main"]);
    expect(after.tags).toEqual([]);
  });

  it("refuses readers, the default branch, bad names, taken names and unknown revisions", async () => {
    const owner = await makeAccount();
    const other = await makeAccount();
    const { address } = await makeHubRepo(owner);
    const secret = await makeHubRepo(owner, { isPrivate: true });
    const input = { repo: address, kind: "branch" as const, name: "x", from: "main" };
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: { code?: string }) => e.code,
      );

    expect(await code(createRepoRef(sessionCaller(other), input))).toBe("forbidden");
    expect(await code(createRepoRef(tokenCaller(owner, "read"), input))).toBe("forbidden");
    expect(await code(createRepoRef(null, input))).toBe("unauthorized");
    expect(
      await code(createRepoRef(sessionCaller(other), { ...input, repo: secret.address })),
    ).toBe("not_found");
    expect(await code(listRepoRefs(sessionCaller(other), secret.address))).toBe("not_found");
    expect(await code(deleteRepoRef(sessionCaller(other), { ...input, name: "main" }))).toBe(
      "forbidden",
    );

    const caller = sessionCaller(owner);
    expect(await code(deleteRepoRef(caller, { ...input, name: "main" }))).toBe("bad_request");
    expect(await code(createRepoRef(caller, { ...input, name: "../x" }))).toBe("bad_request");
    expect(await code(createRepoRef(caller, { ...input, from: "no-such-rev" }))).toBe("not_found");
    await createRepoRef(caller, input);
    expect(await code(createRepoRef(caller, input))).toBe("conflict");
  });
});
