import type { Request } from "@playwright/test";

import { expect, test } from "./support/fixtures";

const isPrefetch = (request: Request) =>
  Object.keys(request.headers()).some((name) => name.includes("prefetch"));

test("while a page loads, a progress bar runs and the list's skeleton stands in for it", async ({
  page,
}) => {
  // Hold the navigation's own request (not a prefetch) until the placeholders are checked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/models",
    async (route) => {
      const request = route.request();
      if (request.headers()["rsc"] && !isPrefetch(request)) await held;
      await route.continue();
    },
  );
  await page.goto("/");
  const link = page.getByRole("navigation", { name: "Sections" }).getByRole("link", {
    name: "Models",
  });
  await link.click();

  await expect(page.getByTestId("nav-progress")).toBeVisible();
  await expect(page.getByTestId("list-skeleton")).toBeVisible();
  await expect(page.getByRole("status", { name: "Loading…" })).toBeVisible();
  release();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByTestId("list-skeleton")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("nav-progress")).toHaveCount(0);
});
