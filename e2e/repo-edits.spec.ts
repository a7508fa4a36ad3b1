import type { Page } from "@playwright/test";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { uniqueName, type TestUser } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test.describe.configure({ timeout: 120_000 });

async function newModel(page: Page, user: TestUser): Promise<{ base: string; api: string }> {
  const name = uniqueName("m");
  const base = await createRepoInBrowser(page, { type: "model", owner: user.username, name });
  return { base, api: `/api/repos/models/${user.username}/${name}` };
}

async function head(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/commits/main`);
  const href = await page
    .getByTestId("commit-row")
    .first()
    .getByRole("link")
    .first()
    .getAttribute("href");
  return href!.split("/").pop()!;
}

test("edit the README with a live preview, a stale edit is refused without losing the text, delete a file and a folder", async ({
  page,
  signedIn,
}) => {
  const { base, api } = await newModel(page, signedIn);

  // Edit the card: the preview renders as you type; scripts never run.
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(`${base}/edit/main/README.md`);
  const text =
    '---\nlicense: apache-2.0\nhardwares: [NPU]\n---\n# Edited card\n\n<img src="x.png" onerror="alert(1)"><script>alert(2)</script>\n\n[run](javascript:alert(3))\n';
  await page.getByTestId("file-content").fill(text);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(
    page.getByTestId("file-preview").getByRole("heading", { name: "Edited card" }),
  ).toBeVisible();
  await expect(page.getByTestId("file-preview").locator("img")).toHaveAttribute(
    "src",
    new RegExp(`${base}/resolve/main/x\\.png$`),
  );
  await page.getByRole("button", { name: "Commit changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/blob/main/README.md$`));
  await page.goto(base);
  const card = page.getByTestId("repo-card");
  await expect(card.getByRole("heading", { name: "Edited card" })).toBeVisible();
  expect(await card.innerHTML()).not.toMatch(/onerror|<script|javascript:/);
  await expect(page.getByTestId("card-chips")).toContainText("Hardware: NPU");
  expect(dialogs).toBe(0);

  // A stale edit: someone commits after the editor opened; saving is refused and the text stays.
  await page.goto(`${base}/edit/main/README.md`);
  const other = await page.request.post(`${api}/commit`, {
    data: {
      branch: "main",
      operations: [
        { kind: "content", path: "README.md", content: "# Someone else\n", replace: true },
      ],
    },
  });
  expect(other.status()).toBe(201);
  await page.getByTestId("file-content").fill("# My version\n");
  await page.getByRole("button", { name: "Commit changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'Someone changed "main"' })).toBeVisible();
  await expect(page.getByTestId("file-content")).toHaveValue("# My version\n");
  await page.goto(`${base}/blob/main/README.md`);
  await expect(page.getByRole("heading", { name: "Someone else" })).toBeVisible();

  // Create files in a folder, then delete one file and then the folder, one commit each.
  for (const file of ["docs/a.md", "docs/b.md"]) {
    await page.goto(`${base}/new/main`);
    await page.getByLabel("File name").fill(file);
    await page.getByTestId("file-content").fill(`# ${file}\n`);
    await page.getByRole("button", { name: "Commit changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${base}/blob/main/${file}$`));
  }
  page.removeAllListeners("dialog");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/tree/main/docs$`));
  await expect(page.getByTestId("file-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Delete folder" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/tree/main$`));
  await expect(page.getByTestId("file-row").filter({ hasText: "docs" })).toHaveCount(0);
  await page.goto(`${base}/commits/main`);
  await expect(page.getByTestId("commit-row").nth(0)).toContainText("Delete docs");
  await expect(page.getByTestId("commit-row").nth(1)).toContainText("Delete docs/b.md");
});

test("bad upload paths are refused with a clear message and change nothing; folders upload with their structure", async ({
  page,
  signedIn,
}) => {
  const { base, api } = await newModel(page, signedIn);
  const before = await head(page, base);

  // In the browser: a target folder that climbs out is refused before anything is sent.
  await page.goto(`${base}/upload/main`);
  await page
    .getByTestId("file-input")
    .setInputFiles([{ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("a") }]);
  await page.getByLabel("Target folder").fill("../outside");
  await page.getByRole("button", { name: "Upload and commit" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "'..' segment" })).toBeVisible();

  // Through the commit route: each bad path gets a 400 with a sentence saying what is wrong.
  const bad: [string, RegExp][] = [
    ["../x.txt", /'\.\.' segment/],
    ["/etc/passwd", /absolute/],
    [".git/config", /git reserves/],
    ["a\\b.txt", /backslash/],
    ["nul\u0000.txt", /NUL/],
    [`${"x".repeat(300)}.txt`, /longer than 255 bytes/],
  ];
  for (const [path, message] of bad) {
    const response = await page.request.post(`${api}/commit`, {
      data: { branch: "main", operations: [{ kind: "content", path, content: "x" }] },
    });
    expect(response.status(), path).toBe(400);
    expect(((await response.json()) as { error: string }).error, path).toMatch(message);
  }
  const tooMany = Array.from({ length: 1001 }, (_, i) => ({
    kind: "content",
    path: `f${i}.txt`,
    content: "x",
  }));
  const many = await page.request.post(`${api}/commit`, {
    data: { branch: "main", operations: tooMany },
  });
  expect(many.status()).toBe(400);
  expect(((await many.json()) as { error: string }).error).toMatch(/at most 1000 files/);
  const stale = await page.request.post(`${api}/commit`, {
    data: {
      branch: "main",
      parentCommit: "0".repeat(40),
      operations: [{ kind: "content", path: "x.txt", content: "x" }],
    },
  });
  expect(stale.status()).toBe(400);
  expect(await head(page, base)).toBe(before);

  // A whole folder keeps its structure under the target folder.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "strata-e2e-"));
  await fs.mkdir(path.join(dir, "dataset", "nested"), { recursive: true });
  await fs.writeFile(path.join(dir, "dataset", "train.csv"), "a,b\n1,2\n");
  await fs.writeFile(path.join(dir, "dataset", "nested", "notes.txt"), "hello\n");
  await page.goto(`${base}/upload/main`);
  await page.getByTestId("folder-input").setInputFiles(path.join(dir, "dataset"));
  await expect(page.getByTestId("upload-item")).toHaveCount(2);
  await page.getByLabel("Target folder").fill("data");
  await page.getByRole("button", { name: "Upload and commit" }).click();
  await expect(page.getByTestId("upload-done")).toBeVisible();
  await page.goto(`${base}/tree/main/data/dataset/nested`);
  await expect(page.getByTestId("file-row")).toHaveText(/notes\.txt/);
  await fs.rm(dir, { recursive: true, force: true });
});

test("settings: the license is committed to the card keeping its YAML, and deleting needs the typed name", async ({
  page,
  signedIn,
}) => {
  const { base } = await newModel(page, signedIn);
  await page.goto(`${base}/settings`);
  const license = page.getByRole("region", { name: "License" });
  await license.getByLabel("License").selectOption("mit");
  await license.getByRole("button", { name: "Save" }).click();
  await expect(license.getByText("The license was committed to the README.")).toBeVisible();
  await page.goto(`${base}/blob/main/README.md`);
  const yaml = page.locator("code.language-yaml");
  await expect(yaml).toContainText("license: mit");
  // The template's commented placeholders are still there.
  await expect(yaml).toContainText("# pipeline_tag: text-generation");
  await page.goto(`${base}/commits/main`);
  await expect(page.getByTestId("commit-row").first()).toContainText("Set license to mit");

  await page.goto(`${base}/settings`);
  const danger = page.getByRole("region", { name: "Delete this repository" });
  await danger.getByRole("textbox").fill("wrong/name");
  await danger.getByRole("button", { name: "Delete repository" }).click();
  await expect(danger.getByRole("alert").filter({ hasText: "exactly" })).toBeVisible();
  const id = base.replace("/models/", "");
  await danger.getByRole("textbox").fill(id);
  await danger.getByRole("button", { name: "Delete repository" }).click();
  await expect(page).toHaveURL(new RegExp(`/${id.split("/")[0]}$`));
  expect((await page.goto(base))?.status()).toBe(404);
});
