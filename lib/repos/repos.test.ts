import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { insertMember } from "@/db/queries/orgs";
import { repoDownloads } from "@/db/schema";
import { commitChanges, repoExists } from "@/lib/hub";
import { makeOrg, makeUser, sessionCaller, tokenCaller, uniqueName } from "@/test/factories";

import { getRepo } from "./access";
import { createRepo } from "./create";
import { countDownload, loadDownloadHistory, setLike } from "./engagement";
import { deleteRepo, moveRepo, updateRepo } from "./manage";
import { searchRepos } from "./search";

const card = (front: string, body = "") => `---\n${front}\n---\n${body}\n`;

describe("repository records", () => {
  it("are created in your own namespace or an organisation where you can write", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const org = await makeOrg(alice);
    await insertMember(org.id, bob.id, "read");

    const mine = await createRepo(sessionCaller(alice), {
      type: "model",
      owner: alice.name,
      name: "bert-tiny",
    });
    expect(mine).toMatchObject({
      ownerName: alice.name,
      name: "bert-tiny",
      isPrivate: false,
      headCommit: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(await repoExists({ type: "model", owner: alice.name, name: "bert-tiny" })).toBe(true);

    await createRepo(sessionCaller(alice), { type: "dataset", owner: org.name, name: "squad-zh" });
    await expect(
      createRepo(sessionCaller(bob), { type: "model", owner: org.name, name: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createRepo(sessionCaller(bob), { type: "model", owner: alice.name, name: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createRepo(tokenCaller(alice, "read"), { type: "model", owner: alice.name, name: "y" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuse duplicate names (any case) and bad names, changing nothing", async () => {
    const alice = await makeUser();
    await createRepo(sessionCaller(alice), { type: "model", owner: alice.name, name: "Llama" });
    await expect(
      createRepo(sessionCaller(alice), { type: "model", owner: alice.name, name: "llama" }),
    ).rejects.toMatchObject({ code: "conflict" });
    // The same name as another type is fine.
    await createRepo(sessionCaller(alice), { type: "dataset", owner: alice.name, name: "llama" });
    for (const name of ["..", ".hidden", "-x", "a..b", "x.git", "a/b", "a".repeat(97)]) {
      await expect(
        createRepo(sessionCaller(alice), { type: "model", owner: alice.name, name }),
      ).rejects.toMatchObject({ name: "ZodError" });
    }
    const { total } = await searchRepos(sessionCaller(alice), { type: "model", owner: alice.name });
    expect(total).toBe(1);
  });

  it("hide private repositories from everyone but owners, members and admins", async () => {
    const alice = await makeUser();
    const stranger = await makeUser();
    const admin = await makeUser({ isAdmin: true });
    const name = uniqueName("secret");
    await createRepo(sessionCaller(alice), {
      type: "model",
      owner: alice.name,
      name,
      isPrivate: true,
    });
    const address = { type: "model" as const, owner: alice.name, name };
    await expect(getRepo(null, address)).rejects.toMatchObject({ code: "not_found" });
    await expect(getRepo(sessionCaller(stranger), address)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getRepo(sessionCaller(admin), address)).resolves.toMatchObject({
      repo: { name, isPrivate: true },
    });
    await expect(getRepo(tokenCaller(alice, "read"), address, "write")).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await searchRepos(null, { type: "model", q: name })).total).toBe(0);
    expect((await searchRepos(sessionCaller(stranger), { type: "model", q: name })).total).toBe(0);
    expect((await searchRepos(sessionCaller(alice), { type: "model", q: name })).total).toBe(1);
  });

  it("index the card after any commit: labels, tags, search text and filters with counts", async () => {
    const alice = await makeUser();
    const owner = alice.name;
    const tag = uniqueName("t");
    for (const [name, framework] of [
      ["npu-chat", "PyTorch"],
      ["npu-vision", "MindSpore"],
    ] as const) {
      await createRepo(sessionCaller(alice), { type: "model", owner, name });
      await commitChanges({
        repo: { type: "model", owner, name },
        branch: "main",
        message: "card",
        author: { name: owner, email: "a@example.com" },
        operations: [
          {
            kind: "file",
            path: "README.md",
            source: {
              content: card(
                `license: apache-2.0\npipeline_tag: text-generation\nframeworks: [${framework}]\nhardwares: [NPU]\ntags: [${tag}]\nlanguage: [zh]`,
                "# 昇腾对话模型\n\nRuns on Ascend 910B.",
              ),
            },
          },
        ],
      });
    }
    const all = await searchRepos(null, { type: "model", owner, withFacets: true });
    expect(all.total).toBe(2);
    expect(all.items[0]).toMatchObject({
      license: "apache-2.0",
      pipelineTag: "text-generation",
      hardware: ["NPU"],
    });
    expect(all.facets?.framework).toEqual([
      { value: "MindSpore", count: 1 },
      { value: "PyTorch", count: 1 },
    ]);

    const filtered = await searchRepos(null, {
      type: "model",
      owner,
      filters: { framework: "PyTorch" },
      withFacets: true,
    });
    expect(filtered.items.map((r) => r.name)).toEqual(["npu-chat"]);
    // The framework facet still counts the other framework; other facets follow the filter.
    expect(filtered.facets?.framework?.map((f) => f.value).sort()).toEqual([
      "MindSpore",
      "PyTorch",
    ]);
    expect(filtered.facets?.license).toEqual([{ value: "apache-2.0", count: 1 }]);

    expect((await searchRepos(null, { type: "model", q: "对话模型", owner })).total).toBe(2);
    expect((await searchRepos(null, { type: "model", q: "910B", owner })).total).toBe(2);
    expect(
      (await searchRepos(null, { type: "model", q: "vision", owner })).items.map((r) => r.name),
    ).toEqual(["npu-vision"]);
    expect(
      (await searchRepos(null, { type: "model", tags: [tag, "license:apache-2.0"] })).total,
    ).toBe(2);
    expect((await searchRepos(null, { type: "model", tags: [tag, "mindspore"] })).total).toBe(1);
    // Search text cannot inject FTS syntax.
    await expect(
      searchRepos(null, { type: "model", q: '"OR name:* NEAR(' }),
    ).resolves.toMatchObject({ total: 0 });
  });

  it("count one like per user and one download per client per day", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const repo = await createRepo(sessionCaller(alice), {
      type: "model",
      owner: alice.name,
      name: "liked",
    });
    const address = { type: "model" as const, owner: alice.name, name: "liked" };
    expect(await setLike(sessionCaller(bob), address, true)).toEqual({ likes: 1, liked: true });
    expect(await setLike(sessionCaller(bob), address, true)).toEqual({ likes: 1, liked: true });
    expect(await setLike(sessionCaller(alice), address, true)).toEqual({ likes: 2, liked: true });
    expect(await setLike(sessionCaller(bob), address, false)).toEqual({ likes: 1, liked: false });

    const client = { ip: "198.51.100.7", userAgent: "git/2.39" };
    const day1 = new Date("2026-11-01T10:00:00Z");
    expect(await countDownload(repo, client, day1)).toBe(true);
    expect(await countDownload(repo, client, new Date("2026-11-01T23:00:00Z"))).toBe(false);
    expect(await countDownload(repo, { ...client, userAgent: "curl" }, day1)).toBe(true);
    expect(await countDownload(repo, client, new Date("2026-11-02T01:00:00Z"))).toBe(true);
    const { repo: after } = await getRepo(null, address);
    expect(after.downloads).toBe(3);
    // Per-day rows are kept for the last 30 days (the model page's chart); the counts stay.
    expect(await countDownload(repo, client, new Date("2026-12-01T01:00:00Z"))).toBe(true);
    const days = getDb()
      .selectDistinct({ day: repoDownloads.day })
      .from(repoDownloads)
      .where(eq(repoDownloads.repoId, repo.id))
      .orderBy(repoDownloads.day)
      .all();
    expect(days).toEqual([{ day: "2026-11-02" }, { day: "2026-12-01" }]);
    const history = await loadDownloadHistory(repo.id, new Date("2026-12-01T12:00:00Z"));
    expect(history).toHaveLength(30);
    expect(history[0]).toEqual({ day: "2026-11-02", count: 1 });
    expect(history.at(-1)).toEqual({ day: "2026-12-01", count: 1 });
    expect(history.slice(1, -1).every((d) => d.count === 0)).toBe(true);
  });

  it("change settings, move and delete with admin rights only", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const org = await makeOrg(alice);
    await insertMember(org.id, bob.id, "write");
    await createRepo(sessionCaller(alice), { type: "model", owner: org.name, name: "m" });
    const address = { type: "model" as const, owner: org.name, name: "m" };

    await expect(
      updateRepo(sessionCaller(bob), address, { isPrivate: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await updateRepo(sessionCaller(alice), address, {
      isPrivate: true,
      description: "A tiny model",
    });
    expect((await getRepo(sessionCaller(bob), address)).repo).toMatchObject({
      isPrivate: true,
      description: "A tiny model",
    });
    await expect(getRepo(null, address)).rejects.toMatchObject({ code: "not_found" });

    const moved = await moveRepo(sessionCaller(alice), address, { owner: alice.name, name: "m2" });
    expect(moved).toMatchObject({ ownerName: alice.name, name: "m2" });
    await expect(getRepo(sessionCaller(alice), address)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await repoExists({ type: "model", owner: alice.name, name: "m2" })).toBe(true);

    await expect(
      deleteRepo(sessionCaller(bob), { type: "model", owner: alice.name, name: "m2" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await deleteRepo(sessionCaller(alice), { type: "model", owner: alice.name, name: "m2" });
    expect(await repoExists({ type: "model", owner: alice.name, name: "m2" })).toBe(false);
    await expect(
      getRepo(sessionCaller(alice), { type: "model", owner: alice.name, name: "m2" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
