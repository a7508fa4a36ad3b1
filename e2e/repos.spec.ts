import type { Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";

import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** Slows uploads down so the progress bars can be seen moving (Chromium's network emulation). */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return () =>
    cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
}

test("a user creates a model, uploads files with progress, browses them, finds the model and downloads the same bytes; private is 404", async ({
  page,
  browser,
  signedIn: user,
}) => {
  test.setTimeout(180_000);
  const name = uniqueName("npu-chat-");
  const tag = uniqueName("tag");
  await createRepoInBrowser(page, {
    type: "model",
    owner: user.username,
    name,
    frameworks: ["PyTorch"],
    task: "text-generation",
  });
  // The template card already carries the labels chosen in the form.
  await expect(page.getByTestId("card-chips")).toContainText("Framework: PyTorch");

  // Upload three files, one of 15 MB, into the root in one commit.
  const big = randomBytes(15 * 1024 * 1024);
  const readme = [
    "---",
    "license: mit",
    "pipeline_tag: text-generation",
    "frameworks: [PyTorch, MindSpore]",
    "hardwares: [NPU]",
    "language: [zh]",
    `tags: [${tag}]`,
    "---",
    "",
    `# ${name}`,
    "",
    "| chip | memory |",
    "|---|---|",
    "| 910B | 64 GB |",
    "",
    "```python",
    "import torch_npu",
    "```",
  ].join("\n");
  await page.getByRole("link", { name: "Files and versions" }).click();
  await page.getByRole("link", { name: "Upload files" }).click();
  await page.getByTestId("file-input").setInputFiles([
    { name: "README.md", mimeType: "text/markdown", buffer: Buffer.from(readme) },
    {
      name: "config.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hidden_size": 64}\n'),
    },
    { name: "model-big.dat", mimeType: "application/octet-stream", buffer: big },
  ]);
  await expect(page.getByTestId("upload-item")).toHaveCount(3);
  // The new repository already has a README: replacing it is an explicit choice.
  await page.getByLabel("Replace README.md").check();
  await page.getByLabel("Commit message").fill("Add card, config and weights");
  const unthrottle = await throttleUploads(page, 8 * 1024 * 1024);
  await page.getByRole("button", { name: "Upload and commit" }).click();
  // The overall bar moves while the big file is on its way.
  const overall = page.getByTestId("overall-progress");
  await expect
    .poll(async () => Number(await overall.getAttribute("value")), { timeout: 30_000 })
    .toBeGreaterThan(0);
  expect(Number(await overall.getAttribute("value"))).toBeLessThan(100);
  await expect(page.getByRole("progressbar", { name: "Upload of model-big.dat" })).toBeVisible();
  await expect(page.getByTestId("upload-done")).toBeVisible({ timeout: 60_000 });
  await unthrottle();
  await page.getByRole("link", { name: "View the files" }).click();

  // The files are listed; only the big one is stored with LFS.
  const rows = page.getByTestId("file-row");
  await expect(rows.filter({ hasText: "config.json" })).toBeVisible();
  const bigRow = rows.filter({ hasText: "model-big.dat" });
  await expect(bigRow).toContainText("15.7 MB");
  await expect(bigRow.getByTestId("lfs-badge")).toBeVisible();
  await expect(rows.filter({ hasText: "config.json" }).getByTestId("lfs-badge")).toHaveCount(0);
  await expect(page.getByText("Add card, config and weights").first()).toBeVisible();

  // The card renders from the uploaded README: chips from its YAML, a table, highlighted code.
  await page.getByRole("link", { name: "Model card" }).click();
  const chips = page.getByTestId("card-chips");
  await expect(chips).toContainText("License: mit");
  await expect(chips).toContainText("Framework: MindSpore");
  await expect(chips).toContainText("Hardware: NPU");
  await expect(chips).toContainText("Language: Chinese");
  const card = page.getByTestId("repo-card");
  await expect(card.locator("table td").first()).toHaveText("910B");
  await expect(card.locator("code.language-python .hljs-keyword")).toHaveText("import");
  await expect(card).not.toContainText("pipeline_tag");

  // The list finds it by search, and by a framework filter (a chip links to the filtered list).
  await page.goto(`/models?search=${name}`);
  await expect(page.getByTestId("repo-card-item")).toHaveCount(1);
  await expect(page.getByTestId("repo-card-item")).toContainText(`${user.username}/${name}`);
  await page.goto(`/models/${user.username}/${name}`);
  await chips.getByRole("link", { name: "Framework: MindSpore" }).click();
  await expect(page).toHaveURL(/\/models\?framework=MindSpore$/);
  await expect(page.locator(`[data-repo="${user.username}/${name}"]`)).toBeVisible();
  // Filters change in the browser without a page load, and the URL keeps the state.
  await page
    .getByRole("group", { name: "Language" })
    .getByRole("link", { name: /^Chinese \d+/ })
    .click();
  await expect(page).toHaveURL(/\/models\?framework=MindSpore&language=zh$/);
  await expect(page.locator(`[data-repo="${user.username}/${name}"]`)).toBeVisible();
  await page.getByRole("searchbox", { name: "Search models" }).fill(tag);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`/models\\?search=${tag}&framework=MindSpore&language=zh$`),
  );
  await expect(page.getByTestId("result-count")).toHaveText("1 result");

  // Download the big file from its page: the same bytes come back, and the download is counted.
  await page.goto(`/models/${user.username}/${name}/blob/main/model-big.dat`);
  await expect(page.getByTestId("download-card")).toBeVisible();
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("download-link").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("model-big.dat");
  expect(sha256(await fs.readFile(await download.path()))).toBe(sha256(big));
  await page.reload();
  await expect(page.getByTestId("download-count")).toContainText("1 download");

  // Make it private: an anonymous visitor gets 404 on every page and file of it.
  await page.goto(`/models/${user.username}/${name}/settings`);
  const visibility = page.getByRole("region", { name: "Visibility" });
  await visibility.getByLabel(/^Private/).check();
  await visibility.getByRole("button", { name: "Save" }).click();
  await expect(visibility.getByText("Visibility changed.")).toBeVisible();
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const path of [
    "",
    "/tree/main",
    "/blob/main/config.json",
    "/commits/main",
    "/resolve/main/model-big.dat",
    "/settings",
  ]) {
    const response = await visitor.goto(`/models/${user.username}/${name}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  await visitor.goto(`/models?search=${name}`);
  await expect(visitor.getByTestId("repo-card-item")).toHaveCount(0);
  expect(
    (await visitor.request
      .get(`/api/repos?type=model&search=${name}`)
      .then((r) => r.json())) as unknown,
  ).toMatchObject({ total: 0 });
  await anonymous.close();
});
