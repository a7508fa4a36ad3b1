import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs/promises";

import { cli } from "./support/cli";

// The image center over the real catalog of layered images (seeded through the admin CLI; the
// seed is idempotent, so every worker may run it).
const openmindTag = "openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";
const cannTag = "openeuler-python3.9-cann8.0.rc2.beta1";
const hubHost = new URL(process.env.STRATA_E2E_URL!).host;

test.beforeAll(async () => {
  await cli("catalog:seed");
});

const facet = (page: Page, group: string, value: RegExp) =>
  page.getByRole("group", { name: group, exact: true }).getByRole("link", { name: value });

test("a visitor filters to PyTorch on NPU, opens an openMind tag, copies its pull command and downloads its Dockerfile", async ({
  page,
  context,
}) => {
  await page.goto("/images");
  await expect(page.getByRole("heading", { name: "Image center" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "LLM frameworks" })).toBeVisible();

  // Filter: each choice is a URL, and the back button undoes it.
  await facet(page, "AI framework", /^PyTorch \d+/).click();
  await expect(page).toHaveURL(/\/images\?framework=pytorch$/);
  await facet(page, "Hardware", /^NPU \d+/).click();
  await expect(page).toHaveURL(/\/images\?framework=pytorch&hardware=npu$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/images\?framework=pytorch$/);
  await page.goForward();
  await expect(page).toHaveURL(/\/images\?framework=pytorch&hardware=npu$/);
  await expect(page.getByRole("group", { name: "Active filters" })).toContainText(
    "AI framework: PyTorch",
  );
  // No MindSpore-only repository is left; the openMind one says how many of its tags match.
  const repos = page.getByTestId("image-repository");
  await expect(repos.filter({ hasText: "base_image/mindspore" })).toHaveCount(0);
  const openmind = repos.filter({ hasText: "base_image/openmind" });
  await expect(openmind).toContainText("6 of 14 tags match");

  // The repository page keeps the filters; narrow down to the tag.
  await openmind.click();
  await expect(page).toHaveURL(/\/images\/base_image\/openmind\?framework=pytorch&hardware=npu$/);
  await expect(page.getByTestId("tag-count")).toHaveText("6 of 14 tags match");
  await facet(page, "Python", /^3\.9 \d+/).click();
  await facet(page, "openMind", /^0\.8\.0 \d+/).click();
  await expect(page.getByTestId("tag-count")).toHaveText("2 of 14 tags match");
  const row = page.getByTestId("image-tag-row").filter({
    has: page.getByRole("link", { name: openmindTag, exact: true }),
  });
  await expect(row).toContainText("arm64");
  await expect(row).toContainText("3.6 GB");
  await expect(row).toContainText("registry.modelers.cn");
  await expect(row).toContainText("Space");
  await row.getByRole("link", { name: openmindTag, exact: true }).click();

  // The tag page: the stack bottom-up, each layer with its version and where it comes from.
  await expect(page).toHaveURL(
    new RegExp(`/images/base_image/openmind/tags/${openmindTag.replaceAll(".", "\\.")}$`),
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`openmind:${openmindTag}`);
  const layers = page.getByTestId("stack-layer");
  await expect(layers).toHaveCount(5);
  expect(
    await layers.evaluateAll((items) => items.map((li) => li.getAttribute("data-layer"))),
  ).toEqual(["os", "python", "cann", "framework", "openmind"]);
  await expect(layers.nth(0)).toContainText("openEuler 22.03");
  await expect(layers.nth(1)).toContainText("Python 3.9");
  await expect(layers.nth(2)).toContainText("CANN 8.0.rc2.beta1");
  await expect(layers.nth(2)).toContainText("chip 910B");
  await expect(layers.nth(3)).toContainText("PyTorch 2.1.0");
  await expect(layers.nth(3)).toContainText("base_image/pytorch does not list this tag");
  await expect(layers.nth(4)).toContainText("openMind 0.8.0");
  await expect(layers.nth(4)).toContainText("this image");
  // The OS layer is drawn at the bottom.
  const [osBox, openmindBox] = [
    await layers.nth(0).boundingBox(),
    await layers.nth(4).boundingBox(),
  ];
  expect(osBox!.y).toBeGreaterThan(openmindBox!.y);

  // Copy the pull command: the clipboard holds exactly the command.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const pull = page.getByTestId("pull-command").filter({ hasText: "modelers.cn" });
  const expected = `docker pull registry.modelers.cn/base_image/openmind:${openmindTag}`;
  await expect(pull.getByTestId("copy-text")).toHaveText(expected);
  await pull.getByRole("button", { name: /Copy/ }).click();
  await expect(pull.getByRole("button", { name: /Copy/ })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // An NPU image's docker run passes the Ascend devices and driver.
  const run = page.getByTestId("docker-run");
  await expect(run).toContainText("--device /dev/davinci0");
  await expect(run).toContainText(
    "-v /usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
  );
  await expect(run).toContainText(`registry.modelers.cn/base_image/openmind:${openmindTag} bash`);

  // The Dockerfile is shown and downloads as the same text.
  const dockerfile = page.getByTestId("dockerfile");
  await expect(dockerfile).toContainText(
    `FROM ${hubHost}/base_image/pytorch:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0`,
  );
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`openmind-${openmindTag}.Dockerfile`);
  const downloaded = await fs.readFile(await download.path(), "utf8");
  expect(downloaded).toBe(await dockerfile.textContent());
  expect(downloaded).toContain("openmind==0.8.0");

  // Follow the CANN layer to its image, which is in the catalog.
  await layers
    .nth(2)
    .getByRole("link", { name: `cann:${cannTag}` })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/images/base_image/cann/tags/${cannTag.replaceAll(".", "\\.")}$`),
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`cann:${cannTag}`);
  const cannLayers = page.getByTestId("stack-layer");
  await expect(cannLayers).toHaveCount(3);
  await expect(cannLayers.nth(2)).toContainText("this image");
  // A multi-arch CANN image is published on three registries.
  await expect(page.getByTestId("pull-command")).toHaveCount(3);
  await expect(page.getByTestId("manifests")).toContainText("linux/amd64");
  await expect(page.getByTestId("manifests")).toContainText("linux/arm64");
});

test("the image center is server-rendered, says when nothing matches, and folds its filters on a phone", async ({
  page,
  request,
}) => {
  // The first HTML already holds the filtered results.
  const html = await (await request.get("/images?framework=pytorch&hardware=npu")).text();
  expect(html).toContain("base_image/openmind");
  expect(html).toContain("6 of 14 tags match");

  // A combination no tag has: a clear empty state with a way out.
  await page.goto("/images?os=ubuntu&openmind=0.8.0");
  await expect(page.getByText("No images match these filters")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Clear filters" }).last().click();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByTestId("image-repository")).toHaveCount(5);

  // On a phone the filters hide behind a button.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/images/base_image/openmind?hardware=npu");
  const toggle = page.getByRole("button", { name: /Show filters \(1\)/ });
  await expect(toggle).toBeVisible();
  await expect(page.getByRole("group", { name: "Hardware", exact: true })).toBeHidden();
  await toggle.click();
  await expect(page.getByRole("group", { name: "Hardware", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Hide filters/ })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
});

test("unknown images are missing on every path", async ({ page, request }) => {
  expect((await page.goto("/images/base_image/no-such-image"))?.status()).toBe(404);
  expect((await page.goto("/images/base_image/openmind/tags/no-such-tag"))?.status()).toBe(404);
  const dockerfile = await request.get("/images/base_image/openmind/tags/no-such-tag/dockerfile");
  expect(dockerfile.status()).toBe(404);
  // `latest` names no layers, so it has no Dockerfile.
  const latest = await request.get("/images/base_image/openmind/tags/latest/dockerfile");
  expect(latest.status()).toBe(404);
  expect(((await latest.json()) as { error: string }).error).toMatch(/tag grammar/);
});

test("the selection API picks the newest Space-enabled NPU PyTorch openMind image, or explains why none fits", async ({
  request,
}) => {
  const chosen = await request.get(
    "/api/images/select?purpose=space&hardware=npu&framework=pytorch",
  );
  expect(chosen.status()).toBe(200);
  expect(await chosen.json()).toEqual({
    image: `${hubHost}/base_image/openmind:${openmindTag}`,
    repository: "base_image/openmind",
    tag: openmindTag,
    variables: expect.objectContaining({
      image: "openmind",
      python: "3.9",
      cann: "8.0.rc2.beta1",
      frameworks: [{ name: "pytorch", version: "2.1.0" }],
      openmind: "0.8.0",
      hardware: "npu",
    }),
  });

  const impossible = await request.get(
    "/api/images/select?purpose=model_ci&hardware=cpu&framework=pytorch&openmind_version=0.7.1",
  );
  expect(impossible.status()).toBe(422);
  expect(await impossible.json()).toMatchObject({
    error:
      "No model CI image has PyTorch with openMind 0.7.1 on CPU; available openMind versions: 0.8.0.",
  });
});
