import { uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test.describe.configure({ timeout: 120_000 });

test("help text shows code as code, and a long name stays inside the delete confirmation", async ({
  page,
  signedIn,
}) => {
  await page.goto("/settings/tokens");
  const lead = page.locator("main p").filter({ hasText: "Tokens let scripts" });
  await expect(lead.locator("code")).toHaveText("Authorization: Bearer hf_…");
  await expect(lead).not.toContainText("`");

  const name = `${uniqueName("m")}-${"x".repeat(70)}`;
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  await page.goto(`${base}/settings`);
  await expect(page.locator("#repo-license-hint code")).toHaveText("license:");
  await expect(page.locator("#repo-license-hint")).not.toContainText("`");

  const label = page.locator('label[for="repo-delete-confirm"]');
  await expect(label).toContainText(name);
  const [labelBox, inputBox] = await Promise.all([
    label.boundingBox(),
    page.locator("#repo-delete-confirm").boundingBox(),
  ]);
  expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(inputBox!.x + inputBox!.width + 1);
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test("only an organisation's admins are offered to manage its members", async ({
  page,
  signedIn,
  browser,
}) => {
  expect(signedIn.username).toBeTruthy();
  const org = uniqueName("org");
  await page.goto("/organizations/new");
  await page.getByLabel("Organisation name").fill(org);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/${org}$`));
  await expect(page.getByRole("link", { name: "Manage members" })).toBeVisible();

  const anonymous = await browser.newPage();
  await anonymous.goto(`/${org}`);
  await expect(anonymous.getByRole("link", { name: "All members" })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: "Manage members" })).toHaveCount(0);
  await anonymous.close();
});

test("'Use this model' closes on Escape and on a click outside", async ({ page, signedIn }) => {
  const name = uniqueName("m");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  await page.goto(base);
  const panel = page.getByTestId("use-repo");
  const summary = panel.locator("summary");
  await summary.click();
  await expect(panel).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(panel).not.toHaveAttribute("open");
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(panel).toHaveAttribute("open", "");
  await page.getByTestId("repo-title").click();
  await expect(panel).not.toHaveAttribute("open");
});

test("in Chinese, task names are translated and the languages share one chip", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("m");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  const card = "---\npipeline_tag: text-generation\nlanguage: [zh, en]\n---\n# Card\n";
  const committed = await page.request.post(
    `/api/repos/models/${signedIn.username}/${name}/commit`,
    {
      data: {
        branch: "main",
        operations: [{ kind: "content", path: "README.md", content: card, replace: true }],
      },
    },
  );
  expect(committed.status()).toBe(201);
  await page
    .context()
    .addCookies([{ name: "strata-locale", value: "zh", url: new URL(page.url()).origin }]);
  await page.goto(base);
  const chips = page.getByTestId("card-chips");
  await expect(chips).toContainText("文本生成");
  await expect(chips).not.toContainText("Text Generation");
  const languages = chips.locator('[data-chip="language"]');
  await expect(languages).toHaveCount(1);
  await expect(languages).toContainText("中文");
  await expect(languages.getByRole("link")).toHaveCount(2);

  // The list's filters name them as the card does.
  await page.goto(`/models?search=${name}`);
  const task = page.getByRole("group", { name: "任务" });
  await expect(task.getByRole("link")).toHaveText([/^文本生成 1/]);
  const language = page.getByRole("group", { name: "语言" });
  await expect(language.getByRole("link", { name: /^中文 1/ })).toBeVisible();
  await expect(language.getByRole("link", { name: /^英语 1/ })).toBeVisible();
  await language.getByRole("link", { name: /^中文 1/ }).click();
  await expect(page).toHaveURL(new RegExp(`language=zh`));
  await expect(page.getByTestId("active-filters")).toContainText("语言: 中文");
});

test("a skip link comes first and text inputs show focus as clearly as buttons", async ({
  page,
}) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.goto("/login");
  const input = page.locator("#username");
  await input.focus();
  const outline = await input.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(outline).toEqual({ style: "solid", width: "2px" });
});
