// The list and search library calls at scale, in this process (no HTTP, no React): what a page
// costs the server itself, comparable across machine loads unlike wall time under wrk. Deep pages
// by offset (how `?page=2000` and the old HF cursor paged) beside the same pages by keyset cursor,
// for every sort, and the facet counts on the first visit after a write.
//   STRATA_DATA_DIR=DIR npx tsx --conditions=react-server bench/seed-models.ts
//   STRATA_DATA_DIR=DIR npx tsx --conditions=react-server bench/search-inprocess.ts [--rounds 5]
// Writes one label row to DIR's database (and removes it): use a throw-away copy.
import os from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    depth: { type: "string", default: "47976" },
  },
});
const rounds = Number(values.rounds);
const depth = Number(values.depth);

const { getDb } = await import("@/db/client");
const { repoLabels } = await import("@/db/schema");
const { repoKinds } = await import("@/lib/repos/kinds");
const { listRepos } = await import("@/lib/repos/list/list-repos");
const { encodeListCursor, parseListCursor } = await import("@/lib/repos/list-cursor");
const { searchRepos } = await import("@/lib/repos/search");
const { listReposHf } = await import("@/lib/protocols/hf/repo-list");
const { and, eq } = await import("drizzle-orm");

/** Median and max of `rounds` calls (after one warm-up call), in ms. */
async function time(run: () => Promise<unknown>): Promise<string> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)]!.toFixed(1)} (max ${times.at(-1)!.toFixed(1)})`;
}

const direction = {
  likes: "desc",
  downloads: "desc",
  updated: "desc",
  created: "desc",
  name: "asc",
};
type Sort = keyof typeof direction;

/** The cursor of the row just before `offset` in a sort order, as the previous page's Link gives it. */
async function cursorAt(sort: Sort, offset: number, q?: string): Promise<string> {
  const order = { sort, direction: direction[sort] as "asc" | "desc" };
  const row = (
    await searchRepos(null, { type: "model", q, ...order, limit: 1, offset: offset - 1 })
  ).items[0]!;
  return encodeListCursor(order, row);
}

console.log(`| case | offset ms, median (max) | keyset ms, median (max) |`);
console.log(`| --- | --- | --- |`);
const deepPage = Math.floor(depth / 24) + 1;
for (const sort of Object.keys(direction) as Sort[]) {
  const after = await cursorAt(sort, (deepPage - 1) * 24);
  const first = await time(() => listRepos(null, "model", { sort }));
  const byOffset = await time(() => listRepos(null, "model", { sort, page: deepPage }));
  const byCursor = await time(() => listRepos(null, "model", { sort, after }));
  console.log(`| /models sort=${sort}, page 1 | ${first} | — |`);
  console.log(`| /models sort=${sort}, page ${deepPage} | ${byOffset} | ${byCursor} |`);
}
{
  const after = await cursorAt("updated", 2400, "llama");
  const byOffset = await time(() => listRepos(null, "model", { search: "llama", page: 101 }));
  const byCursor = await time(() => listRepos(null, "model", { search: "llama", after }));
  console.log(`| /models?search=llama, page 101 | ${byOffset} | ${byCursor} |`);
}
for (const [hfSort, sort] of [
  ["lastModified", "updated"],
  ["likes", "likes"],
  ["downloads", "downloads"],
  ["createdAt", "created"],
  ["id", "name"],
] as const) {
  // HF's sort=id is descending unless direction=1, as the offset cursor walked it.
  const order = { sort, direction: "desc" as const };
  const offset = 50_000;
  const row = (await searchRepos(null, { type: "model", ...order, limit: 1, offset: offset - 1 }))
    .items[0]!;
  const cursor = encodeListCursor(order, row);
  if (!parseListCursor(cursor, order)) throw new Error("the bench made a bad cursor");
  const byOffset = await time(() =>
    searchRepos(null, { type: "model", ...order, limit: 100, offset }),
  );
  const byCursor = await time(async () => {
    const response = await listReposHf(
      new Request(`http://bench/api/models?sort=${hfSort}&limit=100&cursor=${cursor}`),
      null,
      "model",
    );
    if (!response.ok) throw new Error(`HF list: ${response.status}`);
    await response.arrayBuffer();
  });
  console.log(`| HF API sort=${hfSort}, 100 rows at 50,000 | ${byOffset} | ${byCursor} |`);
}

// Facet counts after a write: the first /models visit, before (counted on the visit) and after
// (the counts it was shown before, recomputed in the background).
const db = getDb();
async function afterWrite(run: () => Promise<unknown>): Promise<number> {
  await run();
  const label = { repoId: 1, facet: "tag" as const, value: "bench-write" };
  db.insert(repoLabels).values(label).run();
  db.delete(repoLabels)
    .where(and(eq(repoLabels.repoId, 1), eq(repoLabels.value, label.value)))
    .run();
  const started = performance.now();
  await run();
  return performance.now() - started;
}
const counted: number[] = [];
const lagged: number[] = [];
for (let i = 0; i < rounds; i++) {
  counted.push(
    await afterWrite(() =>
      searchRepos(null, {
        type: "model",
        limit: 24,
        withFacets: true,
        facets: [...repoKinds.model.facets],
      }),
    ),
  );
  lagged.push(await afterWrite(() => listRepos(null, "model", {})));
  // Let the background recount finish before the next write.
  await new Promise((resolve) => setTimeout(resolve, 3000));
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
console.log(
  `| first visit after a write (facet counts) | ${median(counted).toFixed(1)} (counted on the visit) | ${median(lagged).toFixed(1)} (stale served, recounted after) |`,
);
console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(1)}`);
