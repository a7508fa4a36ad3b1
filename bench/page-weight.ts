// First-load JavaScript and LCP of the model page, `/models` and an image tag page, as Chromium sees
// them on a cold load (fresh browser context, no cache): the summed `transferSize` of every script
// the page loaded (compressed bytes on the wire) and the largest contentful paint. A budget to
// watch, not a test.
//   STRATA_DATA_DIR=DIR npm run db:seed && STRATA_DATA_DIR=DIR PORT=3206 npm start &
//   npx tsx bench/page-weight.ts --url http://127.0.0.1:3206 [--rounds 3] [--paths /models,/x/y]
// Needs Debian's chromium (/usr/bin/chromium). Rows go to bench/results/page-weight.tsv.
import { chromium, type Browser } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3206" },
    rounds: { type: "string", default: "3" },
    paths: {
      type: "string",
      // The demo data of `npm run db:seed`: a model, the list, and a tag of a catalog image.
      default:
        "/models/ascend/resnet50-flowers,/models,/images/base_image/cann/tags/8.0.rc1-910b-ubuntu22.04-py3.8",
    },
    budget: { type: "string", default: "130" },
    label: { type: "string", default: "" },
  },
});

type Sample = { scriptKb: number; scripts: number; lcpMs: number; status: number };

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "load" });
  // LCP is final once the page is idle; read it from the buffered entries.
  await page.waitForLoadState("networkidle");
  const result = await page.evaluate(async () => {
    const lcp = await new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1]!.startTime);
      }).observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(NaN), 2000);
    });
    const scripts = (
      performance.getEntriesByType("resource") as PerformanceResourceTiming[]
    ).filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
    return {
      bytes: scripts.reduce((sum, e) => sum + e.transferSize, 0),
      scripts: scripts.length,
      lcp,
    };
  });
  await context.close();
  return {
    scriptKb: result.bytes / 1000,
    scripts: result.scripts,
    lcpMs: result.lcp,
    status: response?.status() ?? 0,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const rows: string[] = [];
console.log("| page | status | first-load JS (kB, transferSize) | scripts | LCP ms | budget |");
console.log("| --- | --- | --- | --- | --- | --- |");
try {
  for (const pagePath of values.paths.split(",")) {
    const samples: Sample[] = [];
    for (let i = 0; i < Number(values.rounds); i++)
      samples.push(await measure(browser, values.url + pagePath));
    const kb = median(samples.map((s) => s.scriptKb));
    const lcp = median(samples.map((s) => s.lcpMs));
    const within = kb <= Number(values.budget) ? "within" : "over";
    console.log(
      `| ${pagePath} | ${samples[0]!.status} | ${kb.toFixed(1)} | ${samples[0]!.scripts} | ${lcp.toFixed(0)} | ${within} ${values.budget} kB |`,
    );
    rows.push(
      [new Date().toISOString(), values.label, pagePath, kb, lcp, os.loadavg()[0]].join("\t"),
    );
  }
} finally {
  await browser.close();
}
fs.mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
fs.appendFileSync(
  path.join(import.meta.dirname, "results", "page-weight.tsv"),
  rows.join("\n") + "\n",
);
console.log(`load average (1 min): ${os.loadavg()[0]!.toFixed(1)}`);
