import { createToken, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";

test("a like counts at once, survives a reload, and the list sorted by likes shows it", async ({
  page,
  signedIn,
}) => {
  const token = await createToken(signedIn.username, "write");
  const name = uniqueName("m");
  const created = await page.request.post("/hf/api/repos/create", {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, type: "model" },
  });
  expect(created.ok()).toBe(true);

  await page.goto(`/models/${signedIn.username}/${name}`);
  const like = page.getByTestId("like-button");
  await expect(like).toHaveAttribute("aria-pressed", "false");
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(like).toContainText("1");
  // Saved on the server, not only shown.
  await page.reload();
  await expect(page.getByTestId("like-button")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("like-button")).toContainText("1");

  // The list, filtered and sorted without a page load, shows the like on the card.
  await page.goto(`/models?owner=${signedIn.username}`);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole("combobox", { name: "Sort" }).selectOption("likes");
  await expect(page).toHaveURL(/sort=likes/);
  const card = page.locator(
    `[data-testid="repo-card-item"][data-repo="${signedIn.username}/${name}"]`,
  );
  await expect(card.getByTitle("1 like")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  // Unliking goes back to zero.
  await page.goto(`/models/${signedIn.username}/${name}`);
  await page.getByTestId("like-button").click();
  await expect(page.getByTestId("like-button")).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.getByTestId("like-button")).toHaveAttribute("aria-pressed", "false");
});
