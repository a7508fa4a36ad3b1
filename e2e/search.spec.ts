import { createToken, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

// The header box searches everything: models, datasets, Spaces, users and organisations,
// grouped, by keyboard, and opens the full results page; private repositories only for those
// who may read them.
test("the header search finds a dataset and a user, by keyboard, and opens all results", async ({
  page,
  signedIn,
  browser,
  request,
}) => {
  const me = signedIn.username;
  const dataset = `${me}/${uniqueName("corpus")}`;
  await createRepoInBrowser(page, { type: "dataset", owner: me, name: dataset.split("/")[1]! });
  const secret = uniqueName("secret");
  const created = await request.post("/hf/api/repos/create", {
    headers: { Authorization: `Bearer ${await createToken(me, "write")}` },
    data: { name: secret, organization: me, type: "model", private: true },
  });
  expect(created.status()).toBe(200);

  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search the hub" });
  await box.fill(me);
  const list = page.getByRole("listbox", { name: "Search the hub" });
  await expect(list.getByRole("group", { name: "Datasets" }).getByRole("option")).toHaveText([
    dataset,
  ]);
  await expect(list.getByRole("group", { name: "Users" }).getByRole("option")).toHaveText([me]);
  // The owner sees their private model.
  await expect(list.getByRole("group", { name: "Models" })).toContainText(`${me}/${secret}`);
  await expect(box).toHaveAttribute("aria-expanded", "true");

  // Escape closes; the arrows reopen and walk the options: model, dataset, user.
  await box.press("Escape");
  await expect(list).toBeHidden();
  await box.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toContainText(`${me}/${secret}`);
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText(me);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${me}$`));

  // Enter without a chosen option opens the results page; the switch narrows it to one type.
  await box.fill(me);
  await box.press("Enter");
  await expect(page).toHaveURL(`/search?q=${me}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results for “${me}”`);
  const types = page.getByRole("navigation", { name: "Result types" });
  await types.getByRole("link", { name: /^Datasets/ }).click();
  await expect(page).toHaveURL(`/search?q=${me}&type=dataset`);
  await expect(page.getByTestId("results-dataset").getByRole("link")).toHaveText([dataset]);
  await expect(page.getByTestId("results-user")).toHaveCount(0);

  // Someone else never learns the private model exists: not in the page, not in the API.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(`/search?q=${secret}`);
  await expect(other.getByText("Nothing matches this search.")).toBeVisible();
  await stranger.close();
  const anonymous = await request.get(`/api/search?q=${secret}`);
  const body = (await anonymous.json()) as { groups: { total: number }[] };
  expect(body.groups.map((g) => g.total)).toEqual([0, 0, 0, 0, 0]);
  expect((await request.get("/api/search?q=")).status()).toBe(400);
});
