import { describe, expect, it, vi } from "vitest";

import { getDb } from "@/db/client";
import { repoLabels, repos } from "@/db/schema";
import { makeUser, sessionCaller } from "@/test/factories";

import { listNumberedPages, listPageSize } from "./list-params";
import { listRepos } from "./list-repos";

function insertModels(ownerId: number, count: number, isPrivate = false): number[] {
  const db = getDb();
  return db.transaction((tx) =>
    Array.from(
      { length: count },
      (_, i) =>
        tx
          .insert(repos)
          .values({
            type: "model",
            ownerId,
            name: `m${i}${isPrivate ? "p" : ""}`,
            isPrivate,
            // Ties in every group of three: the id decides among them.
            updatedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 1000),
          })
          .returning({ id: repos.id })
          .get().id,
    ),
  );
}

const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);

describe("web list pages", () => {
  it("link deep pages by cursor, with the rows the page number would show", async () => {
    const owner = await makeUser();
    insertModels(owner.id, listPageSize * (listNumberedPages + 1) + 5);
    const last = await listRepos(null, "model", { owner: owner.name, page: listNumberedPages });
    expect(last.page).toBe(listNumberedPages);
    expect(last.next).not.toBeNull();

    const deep = await listRepos(null, "model", { owner: owner.name, after: last.next! });
    expect(deep.page).toBeNull();
    expect(names(deep)).toEqual(
      names(await listRepos(null, "model", { owner: owner.name, page: listNumberedPages + 1 })),
    );
    const deeper = await listRepos(null, "model", { owner: owner.name, after: deep.next! });
    expect(deeper.items).toHaveLength(5);
    expect(deeper.next).toBeNull();

    // Back by `before`: the same pages again.
    const back = await listRepos(null, "model", { owner: owner.name, before: deeper.previous! });
    expect(names(back)).toEqual(names(deep));
    expect(
      names(await listRepos(null, "model", { owner: owner.name, before: back.previous! })),
    ).toEqual(names(last));

    // A cursor that does not parse, or one made for another sort, opens the first page.
    const first = await listRepos(null, "model", { owner: owner.name });
    expect(names(await listRepos(null, "model", { owner: owner.name, after: "bm9wZQ" }))).toEqual(
      names(first),
    );
    expect(
      names(
        await listRepos(null, "model", { owner: owner.name, sort: "likes", after: deep.next! }),
      ),
    ).toEqual(names(await listRepos(null, "model", { owner: owner.name, sort: "likes" })));
  });

  it("serve facet counts stale after a write while they are recomputed, per viewer", async () => {
    const owner = await makeUser();
    const [a, b] = insertModels(owner.id, 2);
    const [secret] = insertModels(owner.id, 1, true);
    const label = (repoId: number, value: string) =>
      getDb().insert(repoLabels).values({ repoId, facet: "license", value }).run();
    label(a!, "mit");
    label(b!, "mit");
    label(secret!, "secret-license");
    const licenses = async (asOwner: boolean) =>
      (await listRepos(asOwner ? sessionCaller(owner) : null, "model", { owner: owner.name }))
        .facets.license;
    expect(await licenses(false)).toEqual([{ value: "mit", count: 2 }]);
    expect(await licenses(true)).toEqual([
      { value: "mit", count: 2 },
      { value: "secret-license", count: 1 },
    ]);

    label(a!, "apache-2.0");
    // The visit right after the write gets the counts it was shown before…
    expect(await licenses(false)).toEqual([{ value: "mit", count: 2 }]);
    // …and a moment later the recomputed ones, without a request waiting for them.
    await vi.waitFor(async () =>
      expect(await licenses(false)).toEqual([
        { value: "mit", count: 2 },
        { value: "apache-2.0", count: 1 },
      ]),
    );
    // Each viewer has its own entry: the visitor never got the owner's private label, stale or not.
    await vi.waitFor(async () => expect(await licenses(true)).toHaveLength(3));
    expect(await licenses(false)).not.toContainEqual(
      expect.objectContaining({ value: "secret-license" }),
    );
  });
});
