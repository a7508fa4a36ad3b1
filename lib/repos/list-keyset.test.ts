import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { repoSorts, type RepoSort } from "@/db/queries/repo-list";
import { repos } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { makeOrg, makeUser, sessionCaller, uniqueName } from "@/test/factories";
import { hf, makeAccount } from "@/test/hf";

import { parseListCursor } from "./list-cursor";
import { searchRepos } from "./search";

const base = Date.UTC(2026, 0, 1);

/** A repository row as the indexer leaves it, with the sort values given (ties on purpose). */
function insertRepo(input: {
  ownerId: number;
  name: string;
  isPrivate?: boolean;
  likes?: number;
  downloads?: number;
  createdAt?: number;
  updatedAt?: number;
}): number {
  return getDb()
    .insert(repos)
    .values({
      type: "model",
      ownerId: input.ownerId,
      name: input.name,
      isPrivate: input.isPrivate ?? false,
      likes: input.likes ?? 0,
      downloads: input.downloads ?? 0,
      createdAt: new Date(input.createdAt ?? base),
      updatedAt: new Date(input.updatedAt ?? base),
    })
    .returning({ id: repos.id })
    .get().id;
}

type Order = { sort: RepoSort; direction: "asc" | "desc" };
const orders: Order[] = repoSorts.flatMap((sort) => [
  { sort, direction: "asc" as const },
  { sort, direction: "desc" as const },
]);

/** Every page of a list from the first, following each page's `next` cursor. */
async function walk(caller: Caller | null, order: Order, limit: number, between?: () => void) {
  const seen: number[] = [];
  let after;
  for (let page = 0; page < 100; page++) {
    const result = await searchRepos(caller, { type: "model", ...order, limit, after });
    seen.push(...result.items.map((item) => item.id));
    between?.();
    if (!result.next) return seen;
    after = parseListCursor(result.next, order)!;
    expect(after).not.toBeNull();
  }
  throw new Error("the walk did not end");
}

/** The same list in one page: the order the keyset walk must reproduce. */
async function onePage(caller: Caller | null, order: Order) {
  return (await searchRepos(caller, { type: "model", ...order, limit: 1000 })).items;
}

/** Owners alice, bob and alice's org, with 36 models full of ties in every sort key. */
async function seed() {
  const alice = await makeUser({ name: `a${uniqueName()}` });
  const bob = await makeUser({ name: `B${uniqueName()}` });
  const org = await makeOrg(alice, `c${uniqueName()}`);
  const owners = [alice.id, bob.id, org.id];
  const rows = Array.from({ length: 36 }, (_, i) => ({
    ownerId: owners[i % 3]!,
    // Mixed case: names are ordered without regard to case.
    name: `${i % 2 ? "M" : "m"}odel-${String.fromCharCode(97 + ((i * 7) % 26))}-${i}`,
    isPrivate: i % 6 === 0,
    likes: i % 3,
    downloads: (i * 5) % 4,
    createdAt: base + Math.floor(i / 5) * 1000,
    updatedAt: base + (i % 4) * 1000,
  }));
  const ids = rows.map((row) => insertRepo(row));
  const visibleTo = (ownerIds: number[]) =>
    ids.filter((_, i) => !rows[i]!.isPrivate || ownerIds.includes(rows[i]!.ownerId));
  return { alice, bob, org, ids, visibleTo };
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

describe("keyset paging of repository lists", () => {
  it("walks every sort, both ways, returning each visible row once in the one-page order", async () => {
    const { alice, bob, org, visibleTo } = await seed();
    const viewers: [Caller | null, number[]][] = [
      [null, visibleTo([])],
      [sessionCaller(bob), visibleTo([bob.id])],
    ];
    for (const order of orders) {
      for (const [caller, visible] of viewers) {
        const all = await onePage(caller, order);
        expect(all.map((row) => row.id).sort()).toEqual([...visible].sort());
        // The order is total: each row strictly after the previous one by (sort key, id).
        for (let i = 1; i < all.length; i++) {
          const step = compareKeys(
            [...all[i - 1]!.sortKey, all[i - 1]!.id],
            [...all[i]!.sortKey, all[i]!.id],
          );
          expect(step).toBe(order.direction === "asc" ? -1 : 1);
        }
        for (const limit of [1, 5, 7]) {
          expect(await walk(caller, order, limit)).toEqual(all.map((row) => row.id));
        }
        // Back from the last page by `previous` cursors: the same rows, the same order.
        const last = await searchRepos(caller, {
          type: "model",
          ...order,
          limit: 5,
          after: parseListCursor(
            (await searchRepos(caller, { type: "model", ...order, limit: all.length - 3 })).next!,
            order,
          )!,
        });
        const back: number[] = last.items.map((row) => row.id);
        let previous = last.previous;
        while (previous) {
          const page = await searchRepos(caller, {
            type: "model",
            ...order,
            limit: 5,
            before: parseListCursor(previous, order)!,
          });
          back.unshift(...page.items.map((row) => row.id));
          previous = page.previous;
        }
        expect(back).toEqual(all.map((row) => row.id));
      }
    }
    // Alice sees her own and her org's private models too, still each once.
    const aliceView = await walk(sessionCaller(alice), { sort: "likes", direction: "desc" }, 4);
    expect([...aliceView].sort()).toEqual(visibleTo([alice.id, org.id]).sort());
  });

  it("neither repeats nor loses rows when rows are added and deleted during a walk", async () => {
    const owner = await makeUser();
    const ids = Array.from({ length: 20 }, (_, i) =>
      insertRepo({ ownerId: owner.id, name: `w${i}`, updatedAt: base + (i % 5) * 1000 }),
    );
    const order: Order = { sort: "updated", direction: "desc" };
    const deleted = ids[3]!; // updated base + 3 s: on the second page of four
    const added: number[] = [];
    let step = 0;
    const seen: number[] = [];
    let after;
    for (;;) {
      const result = await searchRepos(null, {
        type: "model",
        owner: owner.name,
        ...order,
        limit: 4,
        after,
      });
      seen.push(...result.items.map((item) => item.id));
      if (step++ === 0) {
        getDb().delete(repos).where(eq(repos.id, deleted)).run();
        // One row sorts before the walk's position (newest), one after it (oldest), one in a tie
        // with rows not yet reached.
        added.push(insertRepo({ ownerId: owner.id, name: "newest", updatedAt: base + 9000 }));
        added.push(insertRepo({ ownerId: owner.id, name: "oldest", updatedAt: base - 1000 }));
        added.push(insertRepo({ ownerId: owner.id, name: "tied", updatedAt: base + 1000 }));
      }
      if (!result.next) break;
      after = parseListCursor(result.next, order)!;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(deleted);
    for (const id of ids) if (id !== deleted) expect(seen).toContain(id);
    // Rows added behind the position are not seen; those ahead of it are.
    expect(seen).not.toContain(added[0]);
    expect(seen).toContain(added[1]);
    expect(seen).toContain(added[2]);
  });

  it("pages the HF list API by cursor, hides private models and refuses bad cursors", async () => {
    const owner = await makeAccount();
    const stranger = await makeAccount();
    const names = Array.from({ length: 11 }, (_, i) => `k${i}`);
    names.forEach((name, i) =>
      insertRepo({ ownerId: owner.id, name, isPrivate: i % 4 === 1, likes: i % 2 }),
    );
    const publicIds = names.filter((_, i) => i % 4 !== 1).map((name) => `${owner.name}/${name}`);
    const allIds = names.map((name) => `${owner.name}/${name}`);

    async function pages(token: string | undefined, sort: string) {
      const got: string[] = [];
      let url: string | undefined = `/api/models?author=${owner.name}&sort=${sort}&limit=3`;
      while (url) {
        const response = await hf("GET", url, { token });
        expect(response.status).toBe(200);
        got.push(...((await response.json()) as { id: string }[]).map((repo) => repo.id));
        url = /<(https?:\/\/[^>]+)>;\s+rel="next"/.exec(response.headers.get("Link") ?? "")?.[1];
      }
      return got;
    }
    for (const sort of ["likes", "downloads", "createdAt", "lastModified", "id", "trendingScore"]) {
      const anonymous = await pages(undefined, sort);
      expect([...anonymous].sort()).toEqual([...publicIds].sort());
      expect(new Set(anonymous).size).toBe(anonymous.length);
      expect([...(await pages(stranger.read, sort))].sort()).toEqual([...publicIds].sort());
      expect([...(await pages(owner.read, sort))].sort()).toEqual([...allIds].sort());
    }

    const bad = await hf("GET", "/api/models?cursor=not-a-cursor!");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Invalid cursor");
    const forged = Buffer.from(
      JSON.stringify({ s: "updated", d: "desc", k: ["x"], i: 1 }),
    ).toString("base64url");
    expect((await hf("GET", `/api/models?cursor=${forged}`)).status).toBe(400);
    // A cursor of one sort order is refused under another.
    const first = await hf("GET", `/api/models?author=${owner.name}&sort=likes&limit=2`);
    const next = new URL(/<([^>]+)>/.exec(first.headers.get("Link")!)![1]!);
    next.searchParams.set("sort", "downloads");
    const other = await hf("GET", next.toString());
    expect(other.status).toBe(400);
  });
});
