// Model list and search at scale: each case under `wrk` against a running production server, beside
// the bare SQLite query for the same answer (one page of rows and the total, hand-written SQL,
// better-sqlite3, one connection) run in this process for the same time.
//   STRATA_DATA_DIR=DIR npx tsx --conditions=react-server bench/seed-models.ts
//   STRATA_DATA_DIR=DIR STRATA_EMBEDDED_RUNNER=0 PORT=3206 npm start &
//   npx tsx bench/search-bench.ts --url http://127.0.0.1:3206 --data-dir DIR [--seconds 5] [--connections 8]
// Needs `wrk` (Debian package). Rows go to bench/results/search.tsv (not committed).
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3206" },
    "data-dir": { type: "string" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "8" },
    only: { type: "string" },
    label: { type: "string", default: "" },
  },
});
if (!values["data-dir"]) {
  console.error("Give the server's --data-dir (for the bare queries).");
  process.exit(64);
}
const seconds = Number(values.seconds);

type Case = {
  name: string;
  path: string;
  /** The bare query: WHERE (after type and visibility), ORDER BY, page size and offset. */
  where?: string;
  order?: string;
  limit?: number;
  offset?: number;
};
const fts = (text: string) =>
  `r.id IN (SELECT rowid FROM repo_search WHERE repo_search MATCH '"${text}"')`;
const label = (facet: string, value: string) =>
  `EXISTS (SELECT 1 FROM repo_labels l WHERE l.repo_id = r.id AND l.facet = '${facet}' AND l.value = '${value}')`;
const db = new Database(path.join(values["data-dir"], "strata.db"), { readonly: true });

/**
 * The cursor our `Link` headers and "Next" links carry for the row just before `offset` in the
 * default order (newest first): base64url JSON of the order, the sort key and the id, as
 * `lib/repos/list-cursor.ts` makes it. With the bare query's keyset condition for the same page.
 */
function cursorAt(offset: number): { cursor: string; where: string } {
  const row = db
    .prepare(
      `SELECT updated_at AS k, id FROM repos WHERE type = 'model' AND is_private = 0
       ORDER BY updated_at DESC, id DESC LIMIT 1 OFFSET ${offset - 1}`,
    )
    .get() as { k: number; id: number };
  const cursor = Buffer.from(JSON.stringify({ s: "updated", d: "desc", k: [row.k], i: row.id }));
  return {
    cursor: cursor.toString("base64url"),
    where: `r.updated_at <= ${row.k} AND (r.updated_at < ${row.k} OR r.id < ${row.id})`,
  };
}
const deep = cursorAt(1999 * 24);
const deepApi = cursorAt(50_000);

const cases: Case[] = [
  { name: "list, default (updated)", path: "/models" },
  { name: "search 'llama'", path: "/models?search=llama", where: fts("llama") },
  {
    name: "search 'quantized chat'",
    path: "/models?search=quantized%20chat",
    where: fts("quantized chat"),
  },
  {
    name: "facet task",
    path: "/models?task=text-generation",
    where: label("task", "text-generation"),
  },
  {
    name: "facet library",
    path: "/models?library=mindspore",
    where: label("library", "mindspore"),
  },
  {
    name: "facet framework",
    path: "/models?framework=pytorch",
    where: label("framework", "pytorch"),
  },
  { name: "facet hardware", path: "/models?hardware=npu", where: label("hardware", "npu") },
  { name: "facet license", path: "/models?license=mit", where: label("license", "mit") },
  { name: "facet language", path: "/models?language=zh", where: label("language", "zh") },
  { name: "facet dataset", path: "/models?dataset=c4", where: label("dataset", "c4") },
  { name: "facet tag", path: "/models?tag=chat", where: label("tag", "chat") },
  { name: "sort likes", path: "/models?sort=likes", order: "r.likes DESC, r.id DESC" },
  { name: "sort downloads", path: "/models?sort=downloads", order: "r.downloads DESC, r.id DESC" },
  { name: "sort created", path: "/models?sort=created", order: "r.created_at DESC, r.id DESC" },
  {
    name: "sort name",
    path: "/models?sort=name",
    order: "lower(o.name), lower(r.name), r.id",
  },
  { name: "deep page 2000", path: "/models?page=2000", offset: 1999 * 24 },
  { name: "deep page 2000 by cursor", path: `/models?after=${deep.cursor}`, where: deep.where },
  { name: "HF API search", path: "/hf/api/models?search=llama", where: fts("llama"), limit: 100 },
  { name: "HF API list", path: "/hf/api/models", limit: 100 },
  {
    name: "HF API cursor at 50,000",
    path: `/hf/api/models?limit=100&cursor=${deepApi.cursor}`,
    where: deepApi.where,
    limit: 100,
  },
];

function bare(c: Case): { perSecond: number; p95: number } {
  const where = `r.type = 'model' AND r.is_private = 0${c.where ? ` AND ${c.where}` : ""}`;
  const page = db.prepare(`SELECT r.id, r.name, o.name AS owner, r.pipeline_tag, r.library_name,
      r.likes, r.downloads, r.updated_at, r.tags
    FROM repos r JOIN owners o ON o.id = r.owner_id WHERE ${where}
    ORDER BY ${c.order ?? "r.updated_at DESC, r.id DESC"} LIMIT ${c.limit ?? 24} OFFSET ${c.offset ?? 0}`);
  const total = db.prepare(`SELECT count(*) FROM repos r WHERE ${where}`);
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    page.all();
    total.get();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    perSecond: times.length / seconds,
    p95: times[Math.floor(times.length * 0.95)]!,
  };
}

/** One request first: it fills the caches (reported as the cold time), so wrk measures the warm path. */
async function cold(c: Case): Promise<number> {
  const started = performance.now();
  const response = await fetch(values.url + c.path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${c.path}: ${response.status}`);
  return performance.now() - started;
}

function server(c: Case) {
  const out = execFileSync(
    "wrk",
    [
      "-t1",
      `-c${values.connections}`,
      `-d${seconds}s`,
      "--timeout",
      "30s",
      "-s",
      path.join(import.meta.dirname, "wrk-summary.lua"),
      values.url + c.path,
    ],
    { encoding: "utf8" },
  );
  const line = out.split("\n").find((l) => l.startsWith("WRK "));
  if (!line) throw new Error(`wrk printed no summary:\n${out}`);
  const [perSecond, p50, p95, p99, bad, errors] = line.split(" ").slice(1).map(Number);
  return { perSecond: perSecond!, p50: p50!, p95: p95!, p99: p99!, bad: bad!, errors: errors! };
}

const rows: string[] = [];
console.log(
  "| case | first request ms | server req/s | server p50 / p95 ms | bare query/s | bare p95 ms | server / bare |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const c of cases) {
  if (values.only && !c.name.includes(values.only)) continue;
  const first = await cold(c);
  const b = bare(c);
  const s = server(c);
  const ratio = s.perSecond / b.perSecond;
  const failed = s.bad || s.errors ? ` (${s.bad} non-2xx, ${s.errors} errors)` : "";
  console.log(
    `| ${c.name} | ${first.toFixed(0)} | ${s.perSecond.toFixed(1)}${failed} | ${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} | ${b.perSecond.toFixed(0)} | ${b.p95.toFixed(2)} | ${ratio.toFixed(2)} |`,
  );
  rows.push(
    [
      new Date().toISOString(),
      values.label,
      c.name,
      s.perSecond,
      s.p50,
      s.p95,
      s.p99,
      s.bad,
      b.perSecond,
      b.p95,
      os.loadavg()[0],
    ].join("\t"),
  );
}
fs.mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
fs.appendFileSync(path.join(import.meta.dirname, "results", "search.tsv"), rows.join("\n") + "\n");
console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(1)}`);
