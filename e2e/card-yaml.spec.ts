import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test("a README with unreadable YAML is flagged in the preview and refused on commit, with the line", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("m");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  const readme = async () => (await page.request.get(`${base}/resolve/main/README.md`)).text();
  const original = await readme();

  await page.goto(`${base}/edit/main/README.md`);
  const broken = "---\nlicense: mit\ntags: [demo\n---\n# Broken card\n";
  await page.getByTestId("file-content").fill(broken);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("file-preview").getByRole("alert")).toContainText(
    /YAML front matter is invalid \(line \d+ of the README\)/,
  );

  await page.getByRole("tab", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Commit changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be committed" })).toContainText(
    /line \d+ of the README/,
  );
  await expect(page).toHaveURL(new RegExp(`${base}/edit/main/README.md$`));
  expect(await readme()).toBe(original);

  // The server refuses it too, whatever the browser does.
  const response = await page.request.post(
    `/api/repos/models/${signedIn.username}/${name}/commit`,
    {
      data: {
        branch: "main",
        operations: [{ kind: "content", path: "README.md", content: broken, replace: true }],
      },
    },
  );
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ reason: "invalid_card" });
  expect(await readme()).toBe(original);
});
