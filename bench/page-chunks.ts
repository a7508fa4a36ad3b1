// What the first-load JavaScript of a page is made of: every script a cold load fetches, its gzip
// size (computed here from the built file in .next/static/chunks, level 9 like the server's) and
// what it holds. Turbopack's production chunks name no modules (their ids are numbers), so the
// contents are recognised by text: a few markers for the framework and libraries, and for
// Strata's own code the long string literals (class lists, test ids) of each file under
// components/ and app/ that appear verbatim in the minified chunk.
//   npx next build && STRATA_DATA_DIR=DIR PORT=3250 npm start &
//   npx tsx bench/page-chunks.ts --url http://127.0.0.1:3250 [--paths /models,/x/y]
import { chromium } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3250" },
    paths: {
      type: "string",
      default:
        "/models/ascend/resnet50-flowers,/models,/images/base_image/cann/tags/8.0.rc1-910b-ubuntu22.04-py3.8",
    },
  },
});

const root = path.resolve(import.meta.dirname, "..");
const chunksDir = path.join(root, ".next", "static", "chunks");

// Text that only one library's production build contains.
const libraryMarkers: [string, RegExp][] = [
  ["react-dom", /react-dom|Minified React error|react\.dev\/errors/],
  ["next app-router", /NEXT_REDIRECT|__next_f|next-router-state-tree|NEXT_HTTP_ERROR_FALLBACK/],
  ["turbopack runtime", /TURBOPACK_CHUNK_LISTS|registerChunk|__turbopack_load_page_chunks__/],
  ["zod", /ZodError|\$ZodType/],
  ["react-query", /QueryClient|queryCache/],
  ["markdown (mdast/micromark/hast)", /micromark|mdast|hast-util|remark/],
  ["highlight.js / lowlight", /hljs-|highlightAuto|lowlight/],
  ["next-auth client", /__NEXTAUTH|next-auth/],
];

/** Strata's source files and their distinctive string literals (24+ characters, no interpolation). */
function sourceLiterals(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        const literals = [...text.matchAll(/"([^"\\\n${}]{24,})"/g)].map((m) => m[1]!);
        if (literals.length) files.set(path.relative(root, full), [...new Set(literals)]);
      }
    }
  };
  for (const dir of ["components", "app", "lib"]) walk(path.join(root, dir));
  return files;
}

const literals = sourceLiterals();
const gz = (text: string) => zlib.gzipSync(text, { level: 9 }).length / 1000;

function describe(file: string): string {
  const text = fs.readFileSync(path.join(chunksDir, file), "utf8");
  const parts = libraryMarkers.filter(([, marker]) => marker.test(text)).map(([name]) => name);
  const own = [...literals]
    .map(([source, list]) => [source, list.filter((l) => text.includes(l)).length] as const)
    .filter(([, hits]) => hits > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([source]) => source);
  if (own.length) parts.push(...own.slice(0, 8), ...(own.length > 8 ? [`+${own.length - 8}`] : []));
  return parts.join(", ") || "?";
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  for (const pagePath of values.paths.split(",")) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(values.url + pagePath, { waitUntil: "networkidle" });
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.name.endsWith(".js"))
        .map((e) => ({ url: e.name, transfer: e.transferSize })),
    );
    await context.close();
    const rows = scripts.map(({ url, transfer }) => {
      const file = path.basename(new URL(url).pathname);
      const local = fs.existsSync(path.join(chunksDir, file));
      return {
        file,
        transfer: transfer / 1000,
        gzip: local ? gz(fs.readFileSync(path.join(chunksDir, file), "utf8")) : NaN,
        what: local ? describe(file) : "(not in .next/static/chunks)",
      };
    });
    rows.sort((a, b) => b.transfer - a.transfer);
    const total = rows.reduce((sum, r) => sum + r.transfer, 0);
    console.log(`\n${pagePath}: ${total.toFixed(1)} kB on the wire, ${rows.length} scripts`);
    console.log("| chunk | wire kB | gzip -9 kB | holds |\n| --- | --- | --- | --- |");
    for (const r of rows)
      console.log(`| ${r.file} | ${r.transfer.toFixed(1)} | ${r.gzip.toFixed(1)} | ${r.what} |`);
  }
} finally {
  await browser.close();
}
