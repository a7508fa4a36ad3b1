import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createToken, createUser, type TestUser } from "./support/cli";
import { buildLayout, layoutManifestDigest, pushLayout, registryHost } from "./support/registry";
import { signInViaApi } from "./support/session";

// A skopeo push to this hub's registry shows up in the image center: on /images with a pull
// command for this registry, and on its tag page as available here. A private image stays hidden
// from everyone else.

let owner: TestUser;
let repo: string;
let digest: string;
let dir: string;

test.beforeAll(async () => {
  owner = await createUser({ prefix: "img" });
  const token = await createToken(owner.username, "write");
  repo = `${owner.username.toLowerCase()}/demo-${randomBytes(3).toString("hex")}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-registry-images-"));
  const layout = await buildLayout(dir, {
    "org.opencontainers.image.description": "Pushed by the end-to-end suite",
    "org.example.stage": "e2e",
  });
  digest = layoutManifestDigest(layout);
  const push = await pushLayout(layout, { user: owner.username, token }, repo, "v1");
  expect(push.ok, push.stderr).toBe(true);
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the pushed image is on /images with a pull command for this registry, and its tag is available here", async ({
  page,
}) => {
  await signInViaApi(page, owner);
  await page.goto("/images");
  const card = page.getByTestId("image-repository").filter({ hasText: repo });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Pushed by the end-to-end suite");
  await expect(card).toContainText("Private");
  await expect(card.getByTestId("hub-pull").getByTestId("copy-text")).toHaveText(
    `docker pull ${registryHost}/${repo}:v1`,
  );

  await card.getByRole("link", { name: repo }).click();
  await expect(page).toHaveURL(new RegExp(`/images/${repo}$`));
  const row = page.getByTestId("image-tag-row").filter({ hasText: "v1" });
  await expect(row.getByTestId("availability")).toHaveAttribute("data-here", "yes");
  await expect(row).toContainText("amd64");

  await row.getByRole("link", { name: "v1", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/images/${repo}/tags/v1$`));
  await expect(page.getByTestId("availability")).toHaveAttribute("data-here", "yes");
  await expect(page.getByTestId("availability")).toContainText("This hub");
  const pull = page.locator('[data-testid="pull-command"][data-registry="hub"]');
  await expect(pull.getByTestId("copy-text")).toHaveText(`docker pull ${registryHost}/${repo}:v1`);
  await expect(page.getByTestId("image-digest")).toHaveText(digest);
  await expect(page.getByTestId("image-labels")).toContainText("org.example.stage");
});

test("a private pushed image is not shown to other users or to visitors", async ({ page }) => {
  await page.goto("/images");
  await expect(page.getByRole("heading", { name: "Image center" })).toBeVisible();
  await expect(page.getByTestId("image-repository").filter({ hasText: repo })).toHaveCount(0);
  expect((await page.goto(`/images/${repo}/tags/v1`))?.status()).toBe(404);

  const stranger = await createUser({ prefix: "other" });
  await signInViaApi(page, stranger);
  await page.goto("/images");
  await expect(page.getByRole("heading", { name: "Image center" })).toBeVisible();
  await expect(page.getByTestId("image-repository").filter({ hasText: repo })).toHaveCount(0);
  expect((await page.goto(`/images/${repo}`))?.status()).toBe(404);
});
