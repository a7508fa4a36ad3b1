import { readFileSync } from "node:fs";

import type { Page, Response } from "@playwright/test";

import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

const parquet = readFileSync("test/fixtures/rows.parquet");

test.describe.configure({ timeout: 120_000 });

// Text that only the model sidebar, its chart and the dataset viewer (with its Parquet reader)
// hold: were any of them a client component, a script would carry it.
const markers = [
  "Downloads last month",
  "Downloads per day over the last 30 days",
  "Dataset viewer",
  "Rows pages",
  "parquet file invalid",
];

/** The bodies of every script the page loads from a cold start. */
async function scriptsOf(page: Page, path: string): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text());
  };
  page.on("response", onResponse);
  // "load" waits for every script the HTML names: the first-load JavaScript.
  await page.goto(path, { waitUntil: "load" });
  page.off("response", onResponse);
  return Promise.all(bodies);
}

test("the model sidebar, its chart and the dataset viewer add no JavaScript to any page", async ({
  page,
  signedIn,
}) => {
  const me = signedIn.username;
  const dataset = await createRepoInBrowser(page, {
    type: "dataset",
    owner: me,
    name: uniqueName("rows"),
  });
  await page.goto(`${dataset}/upload/main`);
  await page
    .getByTestId("file-input")
    .setInputFiles([
      { name: "train.parquet", mimeType: "application/octet-stream", buffer: parquet },
    ]);
  await page.getByRole("button", { name: "Upload and commit" }).click();
  await expect(page.getByTestId("upload-done")).toBeVisible();
  const model = await createRepoInBrowser(page, {
    type: "model",
    owner: me,
    name: uniqueName("m"),
  });

  const pages = [dataset, `${dataset}/blob/main/train.parquet`, model, "/models", "/"];
  for (const path of pages) {
    // The page shows what it should, so an empty script list would not pass by accident.
    const scripts = await scriptsOf(page, path);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const marker of markers)
      expect(
        scripts.some((body) => body.includes(marker)),
        `${path} loads "${marker}"`,
      ).toBe(false);
  }
  await page.goto(dataset);
  await expect(page.getByRole("region", { name: "Dataset viewer" })).toBeVisible();
  await expect(page.getByTestId("dataset-viewer")).toContainText("row 0");
  await page.goto(model);
  await expect(page.getByTestId("model-sidebar")).toContainText("Downloads last month");
});
