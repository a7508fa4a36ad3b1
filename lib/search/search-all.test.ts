import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/search/route";
import { makeOrg, makeUser, sessionCaller, uniqueName } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";

import { searchEverything, searchResultsPage } from "./search-all";

const titles = (groups: Awaited<ReturnType<typeof searchEverything>>, type: string) =>
  groups.find((g) => g.type === type)?.hits.map((h) => h.title) ?? [];

const api = (query: string) =>
  GET(new Request(`http://localhost:3000/api/search?${query}`), {
    params: Promise.resolve({}),
  });

describe("searchEverything", () => {
  it("finds every kind of repository, users and organisations, grouped", async () => {
    const owner = await makeAccount();
    const dataset = await makeHubRepo(owner, { type: "dataset" });
    const space = await makeHubRepo(owner, { type: "space" });
    const org = await makeOrg(owner, `${owner.name}-lab`);

    const groups = await searchEverything(null, { q: owner.name });
    expect(groups.map((g) => g.type)).toEqual(["model", "dataset", "space", "user", "org"]);
    expect(titles(groups, "dataset")).toEqual([dataset.id]);
    expect(titles(groups, "space")).toEqual([space.id]);
    expect(titles(groups, "user")).toEqual([owner.name]);
    expect(titles(groups, "org")).toEqual([org.name]);
    expect(groups.find((g) => g.type === "user")?.hits[0]?.href).toBe(`/${owner.name}`);
  });

  it("shows a private repository only to those who may read it", async () => {
    const owner = await makeAccount();
    const stranger = await makeAccount();
    const secret = await makeHubRepo(owner, { isPrivate: true });
    const q = secret.record.name;
    expect(titles(await searchEverything(null, { q }), "model")).toEqual([]);
    expect(titles(await searchEverything(sessionCaller(stranger), { q }), "model")).toEqual([]);
    const mine = await searchEverything(sessionCaller(owner), { q, type: "model" });
    expect(mine).toMatchObject([{ type: "model", total: 1, hits: [{ isPrivate: true }] }]);
    const anonymous = (await (await api(`q=${q}`)).json()) as { groups: { total: number }[] };
    expect(anonymous.groups.every((g) => g.total === 0)).toBe(true);
  });

  it("refuses an empty query, an unknown type and a huge limit", async () => {
    expect((await api("q=")).status).toBe(400);
    expect((await api("q=a&type=image")).status).toBe(400);
    expect((await api("q=a&limit=5000")).status).toBe(400);
    expect((await api("q=a&type=user&limit=3")).status).toBe(200);
  });
});

describe("searchResultsPage", () => {
  it("counts every type for the switch and lists the chosen one", async () => {
    const owner = await makeAccount();
    await makeHubRepo(owner, { type: "dataset" });
    const page = await searchResultsPage(null, { q: ` ${owner.name} `, type: "dataset" });
    expect(page?.q).toBe(owner.name);
    expect(page?.type).toBe("dataset");
    expect(page?.groups.find((g) => g.type === "user")?.total).toBe(1);
    expect(await searchResultsPage(null, { q: "  " })).toBeNull();
    expect((await searchResultsPage(null, { q: "x", type: "nope" }))?.type).toBeNull();
  });

  it("pages one type past its first 50 results", async () => {
    const prefix = uniqueName("many");
    for (let i = 0; i < 52; i++)
      await makeUser({ name: `${prefix}-${String(i).padStart(2, "0")}` });
    const first = await searchResultsPage(null, { q: prefix, type: "user" });
    const users = (p: typeof first) => p?.groups.find((g) => g.type === "user");
    expect(users(first)?.total).toBe(52);
    expect(users(first)?.hits).toHaveLength(50);
    const second = await searchResultsPage(null, { q: prefix, type: "user", page: "2" });
    expect(second?.page).toBe(2);
    expect(users(second)?.hits.map((h) => h.title)).toEqual([`${prefix}-50`, `${prefix}-51`]);
    // The "all" page has no pages.
    expect((await searchResultsPage(null, { q: prefix, page: "2" }))?.page).toBe(1);
  });
});
