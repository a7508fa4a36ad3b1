import { cli } from "./support/cli";
import { expect, test } from "./support/fixtures";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

test("a static Space is created in the browser and its page runs index.html, sandboxed", async ({
  page,
  signedIn,
}) => {
  const name = `static-${Date.now().toString(36)}`;
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Spaces" })
    .click();
  await expect(page).toHaveURL(/\/spaces$/);
  await page.goto("/spaces/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Static:/).check();
  await page.getByLabel("Title").fill("Hello static");
  await page.getByRole("button", { name: "Create Space" }).click();
  await expect(page.getByTestId("repo-title")).toHaveText(name);
  await expect(page).toHaveURL(new RegExp(`/spaces/${signedIn.username}/${name}$`));

  const app = page.frameLocator('[data-testid="space-app"]');
  await expect(app.getByRole("heading", { name: "Hello static" })).toBeVisible();

  // The app is the repository's own HTML, so it must never run with this site's origin.
  const response = await page.request.get(`/spaces/${signedIn.username}/${name}/app/`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(response.headers()["content-security-policy"]).toMatch(/^sandbox allow-scripts/);
  expect(response.headers()["content-security-policy"]).not.toContain("allow-same-origin");

  await page.goto(`/spaces?search=${name}`);
  await expect(page.getByRole("link", { name: `${signedIn.username}/${name}` })).toBeVisible();
});

test("a Gradio Space starts from app.py and requirements.txt on a base environment from the image center", async ({
  page,
  signedIn,
}) => {
  const name = `gradio-${Date.now().toString(36)}`;
  await page.goto("/spaces/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Gradio:/).check();
  await page.getByLabel("Hardware").selectOption("npu-basic");
  const base = page.getByLabel("Base environment", { exact: true });
  const firstImage = base.locator("optgroup option").first();
  const image = (await firstImage.getAttribute("value"))!;
  expect(image).toMatch(/\/base_image\/openmind:.*cann/);
  await base.selectOption(image);
  await page.getByRole("button", { name: "Create Space" }).click();
  await expect(page.getByTestId("repo-title")).toHaveText(name);
  await expect(
    page.getByRole("heading", { name: "A gradio Space runs from an image built from its files" }),
  ).toBeVisible();
  // Every change builds: the first commit's build waits for a runner with an image builder.
  await expect(page.getByTestId("space-build-state")).toHaveText("Build queued");
  // Rebuild (writers) queues a new build of the same commit in place of the old one.
  const firstLog = (await page.getByRole("link", { name: "Build log" }).getAttribute("href"))!;
  await page.getByRole("button", { name: "Rebuild" }).click();
  await expect(page.getByRole("link", { name: "Build log" })).not.toHaveAttribute("href", firstLog);
  await page.getByRole("link", { name: "Build log" }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/);
  await expect(page.getByText("Space build").first()).toBeVisible();

  const readme = await page.request.get(
    `/spaces/${signedIn.username}/${name}/resolve/main/README.md`,
  );
  const card = await readme.text();
  expect(card).toContain("sdk: gradio");
  expect(card).toContain("hardware: npu-basic");
  expect(card).toContain(`base_image: ${image}`);
  expect(card).toContain("app_port: 7860");
  for (const file of ["app.py", "requirements.txt"]) {
    const response = await page.request.get(
      `/spaces/${signedIn.username}/${name}/resolve/main/${file}`,
    );
    expect(response.status()).toBe(200);
  }
  // Only a static Space has files served as an app.
  expect((await page.request.get(`/spaces/${signedIn.username}/${name}/app/`)).status()).toBe(404);

  // Moving it to CPU is one commit to its card, which builds it again.
  await page.goto(`/spaces/${signedIn.username}/${name}/settings`);
  const environment = page.getByRole("region", { name: "Hardware and base environment" });
  await environment.getByLabel("Hardware").selectOption("cpu-basic");
  const cpuImage = environment.getByLabel("Base environment", { exact: true });
  const cpu = (await cpuImage.locator("optgroup option").first().getAttribute("value"))!;
  expect(cpu).not.toContain("cann");
  await cpuImage.selectOption(cpu);
  await environment.getByRole("button", { name: "Save" }).click();
  await expect(environment.getByText("Committed; a new build is on its way.")).toBeVisible();
  const after = await (
    await page.request.get(`/spaces/${signedIn.username}/${name}/resolve/main/README.md`)
  ).text();
  expect(after).toContain("hardware: cpu-basic");
  expect(after).toContain(`base_image: ${cpu}`);
});
