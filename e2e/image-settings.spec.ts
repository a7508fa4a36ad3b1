import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { createToken, createUser, type TestUser } from "./support/cli";
import { buildLayout, pushLayout, registryHost, skopeo } from "./support/registry";
import { signInViaApi } from "./support/session";

// The owner of a pushed (so private) image makes it public from its settings page, after which
// anyone can pull it; deletes a tag; and deletes the repository, after which it is gone.

let owner: TestUser;
let token: string;
let repo: string;
let dir: string;

const inspect = (tag: string, creds?: string) =>
  skopeo([
    "inspect",
    "--tls-verify=false",
    ...(creds ? ["--creds", creds] : ["--no-creds"]),
    `docker://${registryHost}/${repo}:${tag}`,
  ]);

test.beforeAll(async () => {
  owner = await createUser({ prefix: "imgset" });
  token = await createToken(owner.username, "write");
  repo = `${owner.username.toLowerCase()}/settings-${randomBytes(3).toString("hex")}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-image-settings-"));
  const layout = await buildLayout(dir);
  for (const tag of ["v1", "v2"]) {
    const push = await pushLayout(layout, { user: owner.username, token }, repo, tag);
    expect(push.ok, push.stderr).toBe(true);
  }
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the owner makes a pushed image public, deletes a tag, then deletes the repository", async ({
  page,
  browser,
}) => {
  expect((await inspect("v1")).ok).toBe(false);

  // Other users see no settings.
  const stranger = await createUser({ prefix: "other" });
  const strangerContext = await browser.newContext();
  const strangerPage = await strangerContext.newPage();
  await signInViaApi(strangerPage, stranger);

  await signInViaApi(page, owner);
  await page.goto(`/images/${repo}`);
  await page.getByTestId("image-settings-link").click();
  await expect(page).toHaveURL(new RegExp(`/images/${repo}/settings$`));

  const visibility = page.getByRole("region", { name: "Visibility" });
  await visibility.getByRole("radio", { name: /Public/ }).check();
  await visibility.getByRole("button", { name: "Save" }).click();
  await expect(visibility.getByRole("status")).toHaveText("Visibility changed.");
  const anonymous = await inspect("v1");
  expect(anonymous.ok, anonymous.stderr).toBe(true);
  expect(JSON.parse(anonymous.stdout)).toMatchObject({ Name: `${registryHost}/${repo}` });

  await strangerPage.goto(`/images/${repo}`);
  await expect(strangerPage.getByRole("heading", { name: repo })).toBeVisible();
  await expect(strangerPage.getByTestId("image-settings-link")).toHaveCount(0);
  expect((await strangerPage.goto(`/images/${repo}/settings`))?.status()).toBe(404);
  await strangerContext.close();

  const description = page.getByRole("region", { name: "Description" });
  await description.getByLabel("Description").fill("Settings from the browser.");
  await description.getByRole("button", { name: "Save" }).click();
  await expect(description.getByRole("status")).toHaveText("Saved.");

  const tags = page.getByRole("region", { name: "Tags" });
  page.once("dialog", (dialog) => void dialog.accept());
  await tags.getByRole("button", { name: "Delete tag v2" }).click();
  await expect(tags.getByRole("button", { name: "Delete tag v2" })).toHaveCount(0);
  await expect(tags.getByRole("button", { name: "Delete tag v1" })).toBeVisible();
  expect((await inspect("v2")).ok).toBe(false);
  expect((await inspect("v1")).ok).toBe(true);

  await page.goto(`/images/${repo}`);
  await expect(page.getByText("Settings from the browser.")).toBeVisible();
  await expect(page.getByTestId("image-tag-row").filter({ hasText: "v2" })).toHaveCount(0);
  await page.getByTestId("image-settings-link").click();

  const danger = page.getByRole("region", { name: "Delete this repository" });
  await danger.getByLabel(`Type ${repo} to confirm`).fill("not/it");
  await danger.getByRole("button", { name: "Delete repository" }).click();
  await expect(danger.getByRole("alert").first()).toContainText(`Type ${repo}`);
  await danger.getByLabel(`Type ${repo} to confirm`).fill(repo);
  await danger.getByRole("button", { name: "Delete repository" }).click();
  await expect(page).toHaveURL(/\/images$/);

  expect((await page.goto(`/images/${repo}`))?.status()).toBe(404);
  expect((await inspect("v1", `${owner.username}:${token}`)).ok).toBe(false);
});
