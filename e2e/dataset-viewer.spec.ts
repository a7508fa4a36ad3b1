import { readFileSync } from "node:fs";

import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

// 60 rows in two row groups (id int64, text string, score float64, ok bool); see make-parquet.py.
const parquet = readFileSync("test/fixtures/rows.parquet");

function csv(rows: number): Buffer {
  const lines = ["id,question,answer"];
  for (let i = 0; i < rows; i++) lines.push(`${i},"What is ${i}, really?",${i * 2}`);
  return Buffer.from(`${lines.join("\n")}\n`);
}

test("a dataset's CSV and Parquet files show their first rows, typed and paged, per split", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("viewer");
  const base = await createRepoInBrowser(page, { type: "dataset", owner: signedIn.username, name });
  await page.goto(`${base}/upload/main`);
  await page.getByTestId("file-input").setInputFiles([
    { name: "train.csv", mimeType: "text/csv", buffer: csv(120) },
    { name: "test.parquet", mimeType: "application/octet-stream", buffer: parquet },
  ]);
  await page.getByRole("button", { name: "Upload and commit" }).click();
  await expect(page.getByTestId("upload-done")).toBeVisible();

  await page.goto(base);
  const viewer = page.getByTestId("dataset-viewer");
  await expect(viewer.getByTestId("split-link")).toHaveText(["Train 1 file", "Test 1 file"]);
  await expect(viewer.getByRole("columnheader")).toHaveText([
    "Row",
    "idint64",
    "questionstring",
    "answerint64",
  ]);
  await expect(viewer.getByText("Rows 1–50 of 120")).toBeVisible();
  await expect(viewer.getByTestId("data-row").first()).toContainText("What is 0, really?");

  await viewer.getByRole("link", { name: "Next" }).click();
  await expect(viewer.getByText("Rows 51–100 of 120")).toBeVisible();
  await expect(viewer.getByTestId("data-row").first()).toContainText("What is 50, really?");
  await expect(viewer.getByText("Page 2 of 3")).toBeVisible();

  await viewer.getByRole("link", { name: /^Test/ }).click();
  await expect(viewer.getByRole("link", { name: /^Test/ })).toHaveAttribute("aria-current", "page");
  await expect(viewer.getByTestId("column-type")).toHaveText([
    "int64",
    "string",
    "float64",
    "bool",
  ]);
  await expect(viewer.getByText("Rows 1–50 of 60")).toBeVisible();
  await viewer.getByRole("link", { name: "Next" }).click();
  await expect(viewer.getByText("Rows 51–60 of 60")).toBeVisible();
  await expect(viewer.getByTestId("data-row").last()).toContainText("row 59");

  // The file page shows the same rows for one file.
  await page.goto(`${base}/blob/main/test.parquet`);
  await expect(page.getByTestId("dataset-viewer").getByTestId("data-row").first()).toContainText(
    "row 0",
  );

  // And the datasets-server style API pages it too.
  const rows = await page.request.get(
    `/api/datasets-server/rows?dataset=${signedIn.username}/${name}&split=test&offset=58&length=10`,
  );
  expect(rows.ok()).toBe(true);
  const body = (await rows.json()) as { rows: { row_idx: number }[]; num_rows_total: number };
  expect(body.rows.map((r) => r.row_idx)).toEqual([58, 59]);
  expect(body.num_rows_total).toBe(60);
});
