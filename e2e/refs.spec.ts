import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

const exec = promisify(execFile);

/** The branches and tags git sees on the server (public repository: no credentials needed). */
async function lsRemote(repoPath: string): Promise<string> {
  const { stdout } = await exec(
    "git",
    ["ls-remote", `${process.env.STRATA_E2E_URL}${repoPath}.git`],
    {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" },
    },
  );
  return stdout;
}

test("a writer creates a branch and a tag in the web UI, git sees them, the file browser switches to them, and deleting removes them", async ({
  page,
  signedIn,
  browser,
}) => {
  const repoPath = await createRepoInBrowser(page, {
    type: "model",
    owner: signedIn.username,
    name: uniqueName("refs"),
  });
  const branch = uniqueName("feature/");

  // From the file browser's branch picker to the branches and tags page, starting at main.
  await page.goto(`${repoPath}/tree/main`);
  await page.getByTestId("ref-switcher").locator("summary").click();
  await page.getByRole("link", { name: "Branches and tags" }).click();
  await expect(page).toHaveURL(`${repoPath}/refs?from=main`);
  await expect(page.getByRole("link", { name: "Files and versions" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByLabel("From revision")).toHaveValue("main");

  await page.getByLabel("Name", { exact: true }).fill(branch);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText(`Branch ${branch} created.`)).toBeVisible();
  await expect(page.getByTestId("branch-list")).toContainText(branch);
  await page.getByLabel("Kind").selectOption("tag");
  await page.getByLabel("Name", { exact: true }).fill("v1.0");
  await page.getByLabel("From revision").fill(branch);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByTestId("tag-list")).toContainText("v1.0");

  // A bad name is refused with the reason.
  await page.getByLabel("Name", { exact: true }).fill("bad..name");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText("Do not use '..'.")).toBeVisible();

  const remote = await lsRemote(repoPath);
  expect(remote).toContain(`refs/heads/${branch}`);
  expect(remote).toContain("refs/tags/v1.0");

  // The file browser switches to the new branch.
  await page.goto(`${repoPath}/tree/main`);
  await page.getByTestId("ref-switcher").locator("summary").click();
  await page.getByTestId("ref-switcher").getByRole("link", { name: branch }).click();
  await expect(page).toHaveURL(`${repoPath}/tree/${encodeURIComponent(branch)}`);
  await expect(page.getByTestId("ref-switcher")).toContainText(branch);

  // Readers see the list but cannot create or delete.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${repoPath}/refs`);
  await expect(visitor.getByTestId("branch-list")).toContainText(branch);
  await expect(visitor.getByRole("button", { name: "Create", exact: true })).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await visitor.context().close();

  // Deleting asks first, then the branch is gone, for git too; main cannot be deleted.
  await page.goto(`${repoPath}/refs`);
  await expect(page.getByRole("button", { name: "Delete main" })).toHaveCount(0);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Delete ${branch}` }).click();
  await expect(page.getByTestId("branch-list")).not.toContainText(branch);
  expect(await lsRemote(repoPath)).not.toContain(`refs/heads/${branch}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete v1.0" }).click();
  await expect(page.getByText("No tags yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete v1.0" })).toHaveCount(0);
  expect(await lsRemote(repoPath)).not.toContain("refs/tags/v1.0");
});
