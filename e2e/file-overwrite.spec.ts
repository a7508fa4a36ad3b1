import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test.describe.configure({ timeout: 120_000 });

test("creating a file that exists is refused with a link to edit it, and nothing is committed", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("m");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  const readme = async () => (await page.request.get(`${base}/resolve/main/README.md`)).text();
  const original = await readme();

  await page.goto(`${base}/new/main`);
  await page.getByLabel("File name").fill("README.md");
  await page.getByTestId("file-content").fill("# Overwritten\n");
  await page.getByRole("button", { name: "Commit changes" }).click();
  const alert = page
    .getByRole("alert")
    .filter({ hasText: "README.md already exists, so nothing was committed" });
  await expect(alert).toBeVisible();
  await expect(page.getByTestId("file-content")).toHaveValue("# Overwritten\n");
  await alert.getByRole("link", { name: "Edit README.md" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/edit/main/README.md$`));
  await expect(page.getByTestId("file-content")).not.toHaveValue("# Overwritten\n");

  expect(await readme()).toBe(original);
});

test("an upload shows which files exist and replaces only those ticked 'Replace'", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("m");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  const api = `/api/repos/models/${signedIn.username}/${name}`;
  const added = await page.request.post(`${api}/commit`, {
    data: { branch: "main", operations: [{ kind: "content", path: "a.txt", content: "old a\n" }] },
  });
  expect(added.status()).toBe(201);

  // The commit route itself refuses an overwrite that is not marked replace.
  const refused = await page.request.post(`${api}/commit`, {
    data: { branch: "main", operations: [{ kind: "content", path: "a.txt", content: "x" }] },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ reason: "file_exists" });

  await page.goto(`${base}/upload/main`);
  await page.getByTestId("file-input").setInputFiles([
    { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("new a\n") },
    { name: "b.txt", mimeType: "text/plain", buffer: Buffer.from("new b\n") },
  ]);
  const rowA = page.getByTestId("upload-item").filter({ hasText: "a.txt" });
  const rowB = page.getByTestId("upload-item").filter({ hasText: "b.txt" });
  await expect(rowA.getByTestId("replace-choice")).toContainText("Exists");
  await expect(rowB.getByTestId("replace-choice")).toHaveCount(0);

  // Not ticked: refused before anything is committed.
  await page.getByRole("button", { name: "Upload and commit" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: 'a.txt already exists; tick "Replace"' }),
  ).toBeVisible();

  await page.getByLabel("Replace a.txt").check();
  await page.getByRole("button", { name: "Upload and commit" }).click();
  await expect(page.getByTestId("upload-done")).toBeVisible();
  const a = await page.request.get(`${base}/resolve/main/a.txt`);
  expect(await a.text()).toBe("new a\n");
});
