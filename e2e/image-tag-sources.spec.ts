import { expect, test } from "@playwright/test";

import { cli } from "./support/cli";

// A tag page says where each layer comes from, links every layer that has a page, and names in
// its Dockerfile's FROM a parent that can actually be pulled.
const openmindTag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";
const pytorchTag = "ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

test.use({ viewport: { width: 1280, height: 800 } });

test("each layer of a tag says where it comes from and links the page it has", async ({ page }) => {
  await page.goto(`/images/base_image/openmind/tags/${openmindTag}`);
  const layer = (name: string) => page.locator(`[data-testid=stack-layer][data-layer=${name}]`);

  // The PyTorch tag is not in the catalog, but its repository is: the layer links the repository.
  await expect(layer("framework")).toContainText("base_image/pytorch does not list this tag");
  await expect(layer("framework")).not.toContainText("not in this catalog");
  await expect(
    layer("framework").getByRole("link", { name: "base_image/pytorch" }),
  ).toHaveAttribute("href", "/images/base_image/pytorch");
  await expect(layer("python").getByRole("link", { name: "base_image/python" })).toBeVisible();
  // The CANN tag is in the catalog: linked, with where it is pulled from.
  await expect(layer("cann")).toContainText("pulled from Quay (quay.io/ascend)");

  // The hub does not hold the parent, and the Dockerfile says so instead of pretending.
  await expect(page.getByTestId("dockerfile-parent")).toContainText(
    "No registry this hub knows of publishes the parent image base_image/pytorch:",
  );

  // The one-line pull command is shown whole at desktop width.
  const command = page.getByTestId("pull-command").first().getByTestId("copy-text");
  await expect(command).toContainText(openmindTag);
  expect(
    await command.evaluate(
      (el) =>
        el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth,
    ),
  ).toBe(true);
});

test("a Dockerfile's FROM pulls the parent from the registry that publishes it", async ({
  page,
}) => {
  await page.goto(`/images/base_image/pytorch/tags/${pytorchTag}`);
  await expect(page.getByText("This hub does not hold this tag yet")).toBeVisible();
  await expect(page.getByTestId("dockerfile")).toContainText(
    "FROM quay.io/ascend/cann:ubuntu-python3.8-cann8.0.rc1.beta1",
  );
  await expect(page.getByTestId("dockerfile-parent")).toHaveText(
    "FROM pulls the parent image from Quay (quay.io/ascend): this hub does not hold it.",
  );
});
