import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test("the card metadata form writes license, task, frameworks, datasets and tags into the README front matter", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("card");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  await page.getByRole("link", { name: "Edit model card" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/edit/main/README.md$`));
  const form = page.getByTestId("card-metadata-form");
  const editor = page.getByTestId("file-content");

  await form.getByLabel("License").selectOption("mit");
  await form.getByLabel("Task").selectOption("text-generation");
  await form.getByLabel("PyTorch").check();
  // Keyboard only: tab into the tags field and type.
  await form.getByLabel("Datasets").fill(`${signedIn.username}/corpus`);
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Base model")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Tags")).toBeFocused();
  await page.keyboard.type("qwen, ascend-910b");
  await expect(editor).toHaveValue(/^---\n[\s\S]*license: mit\n/);
  await expect(editor).toHaveValue(/pipeline_tag: text-generation\n/);
  await expect(editor).toHaveValue(/tags:\n {2}- qwen\n {2}- ascend-910b\n/);
  await expect(editor).toHaveValue(new RegExp(`datasets:\\n  - ${signedIn.username}/corpus\\n`));

  await page.getByRole("button", { name: "Commit changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/blob/main/README.md$`));
  const readme = await (await page.request.get(`${base}/resolve/main/README.md`)).text();
  expect(readme).toMatch(/license: mit/);
  expect(readme).toMatch(/frameworks:\n {2}- PyTorch/);

  await page.goto(base);
  const chips = page.getByTestId("card-chips");
  await expect(chips.getByText("qwen", { exact: true })).toBeVisible();
  await expect(chips.getByText("Text Generation")).toBeVisible();
  // Not hosted here: named in the sidebar without a link.
  await expect(page.getByTestId("datasets-used")).toContainText(`${signedIn.username}/corpus`);
  await expect(page.getByTestId("datasets-used").getByRole("link")).toHaveCount(0);

  // Broken YAML typed by hand: the form says so and changes nothing.
  await page.goto(`${base}/edit/main/README.md`);
  await editor.fill("---\ntags: [oops\n---\n# x\n");
  await form.getByLabel("License").selectOption("apache-2.0");
  await expect(form.getByRole("alert")).toContainText("cannot be read");
  await expect(editor).toHaveValue("---\ntags: [oops\n---\n# x\n");
});
