import { cli } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { registryHost, skopeo } from "./support/registry";
import { pushBase } from "./support/space-base";

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

test("a Gradio Space is built on its base environment with its log live on its page, rebuilt on every change, and runs offline", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(240_000);
  const name = `gradio-${Date.now().toString(36)}`;
  await page.goto("/spaces/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Gradio:/).check();
  await page.getByLabel("Hardware").selectOption("npu-basic");
  const base = page.getByLabel("Base environment", { exact: true });
  const firstImage = base.locator("optgroup option").first();
  const image = (await firstImage.getAttribute("value"))!;
  expect(image).toMatch(/\/base_image\/openmind:.*cann/);
  await pushBase(image);
  await base.selectOption(image);
  await page.getByRole("button", { name: "Create Space" }).click();
  await expect(page.getByTestId("repo-title")).toHaveText(name);
  await expect(
    page.getByRole("heading", { name: "A gradio Space runs from an image built from its files" }),
  ).toBeVisible();

  // The embedded runner builds it at once. The template asks pip for gradio, and the busybox base
  // has no python: the build fails, and the failing step's output is right on the page.
  const state = page.getByTestId("space-build-state");
  await expect(state).toHaveText("Build failed", { timeout: 120_000 });
  await expect(page.getByText(/python: not found/).first()).toBeVisible();

  // Rebuild (writers) starts a new build of the same commit in place of the old one.
  const firstLog = (await page.getByRole("link", { name: "Build log" }).getAttribute("href"))!;
  await page.getByRole("button", { name: "Rebuild", exact: true }).click();
  await expect(page.getByRole("link", { name: "Build log" })).not.toHaveAttribute("href", firstLog);
  await expect(state).toHaveText("Build failed", { timeout: 120_000 });

  const readme = await page.request.get(
    `/spaces/${signedIn.username}/${name}/resolve/main/README.md`,
  );
  const card = await readme.text();
  expect(card).toContain("sdk: gradio");
  expect(card).toContain("hardware: npu-basic");
  expect(card).toContain(`base_image: ${image}`);
  expect(card).toContain("app_port: 7860");
  // A gradio Space's app is its running image, not its files: with no run, the proxy says so.
  expect((await page.request.get(`/spaces/${signedIn.username}/${name}/app/`)).status()).toBe(503);

  // Nothing to install: the next commit builds, and the page follows it to the end by itself.
  await page.goto(`/spaces/${signedIn.username}/${name}/edit/main/requirements.txt`);
  await page.getByTestId("file-content").fill("# nothing to install\n");
  await page.getByRole("button", { name: "Commit changes" }).click();
  await expect(page).toHaveURL(/\/blob\/main\/requirements\.txt$/);
  const head = (await (
    await page.request.get(`/hf/api/spaces/${signedIn.username}/${name}`)
  ).json()) as { sha: string };
  await page.goto(`/spaces/${signedIn.username}/${name}`);
  await expect(state).toHaveText("Built", { timeout: 120_000 });
  await expect(page.getByText(`Build of ${head.sha.slice(0, 7)}`)).toBeVisible();

  await page.getByText("Offline experience").click();
  const offline = page.getByTestId("space-offline");
  const imageRef = `${registryHost}/spaces/${signedIn.username}/${name}:${head.sha.slice(0, 12)}`;
  await expect(offline.getByText(`docker pull ${imageRef}`)).toBeVisible();
  const run = offline.locator("code").filter({ hasText: "docker run" });
  await expect(run).toContainText("-p 7860:7860");
  await expect(run).toContainText("--device /dev/davinci0");
  await expect(run).toContainText(imageRef);
  // Public Space, public image: anyone may pull it without signing in.
  const inspected = await skopeo(["inspect", "--tls-verify=false", `docker://${imageRef}`]);
  expect(inspected.ok, inspected.stderr).toBe(true);

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
