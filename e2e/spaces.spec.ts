import { expect, test } from "@playwright/test";

import { cli } from "./support/cli";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

test("the Spaces section says Spaces are not open yet and leads to the Space-ready images", async ({
  page,
}) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Spaces" })
    .click();
  await expect(page).toHaveURL(/\/spaces$/);
  await expect(page.getByRole("heading", { name: "Spaces", level: 1 })).toBeVisible();
  await expect(page.getByText("No Spaces yet")).toBeVisible();

  await page.getByRole("link", { name: "Space-ready images" }).click();
  await expect(page).toHaveURL(/\/images\?space=1$/);
  await expect(page.getByRole("link", { name: /base_image\/openmind/ }).first()).toBeVisible();
});
