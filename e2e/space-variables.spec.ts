import { randomBytes } from "node:crypto";

import { cli } from "./support/cli";
import { expect, test } from "./support/fixtures";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

test("a Space's writer adds a variable, which rebuilds it, and a secret whose value never comes back", async ({
  page,
  signedIn,
}) => {
  const name = `vars-${Date.now().toString(36)}`;
  const space = `/spaces/${signedIn.username}/${name}`;
  const secretValue = `sk-${randomBytes(12).toString("hex")}`;
  await page.goto("/spaces/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Gradio:/).check();
  await page.getByLabel("Hardware").selectOption("cpu-basic");
  const base = page.getByLabel("Base environment", { exact: true });
  await base.selectOption(await base.locator("optgroup option").first().getAttribute("value"));
  await page.getByRole("button", { name: "Create Space" }).click();
  // The embedded runner may have taken the build already: only that there is one matters here.
  await expect(page.getByTestId("space-build-state")).toHaveText(
    /Build queued|Building|Build failed/,
  );
  const buildLog = page.getByRole("link", { name: "Build log" });
  const firstBuild = (await buildLog.getAttribute("href"))!;

  await page.goto(`${space}/settings`);
  const section = page.getByRole("region", { name: "Variables and secrets" });
  const addVariable = section.getByRole("form", { name: "Add variable" });
  // A name the platform sets is refused, and nothing is saved.
  await addVariable.getByLabel("Name").fill("GRADIO_SERVER_PORT");
  await addVariable.getByLabel("Value").fill("1");
  await addVariable.getByRole("button", { name: "Add variable" }).click();
  await expect(addVariable.getByText(/set by the platform/)).toBeVisible();

  await addVariable.getByLabel("Name").fill("MODEL_ID");
  await addVariable.getByLabel("Value").fill("alice/e2e model");
  await addVariable.getByRole("button", { name: "Add variable" }).click();
  await expect(addVariable.getByText("Saved; a new build is on its way.")).toBeVisible();
  await expect(section.getByLabel("Value of MODEL_ID")).toHaveValue("alice/e2e model");

  const addSecret = section.getByRole("form", { name: "Add secret" });
  await addSecret.getByLabel("Name").fill("API_KEY");
  await addSecret.getByLabel("Value").fill(secretValue);
  await addSecret.getByRole("button", { name: "Add secret" }).click();
  await expect(addSecret.getByText("Saved. The value is not shown again.")).toBeVisible();
  await expect(addSecret.getByLabel("Value")).toHaveValue("");
  await expect(section.getByLabel("New value of API_KEY")).toHaveValue("");
  // The same name cannot also be a variable.
  await addVariable.getByLabel("Name").fill("API_KEY");
  await addVariable.getByLabel("Value").fill("x");
  await addVariable.getByRole("button", { name: "Add variable" }).click();
  await expect(addVariable.getByText("API_KEY is already a secret.")).toBeVisible();

  // Not in the page, not in a fresh load of it (HTML and RSC payload), not on the Space page.
  expect(await page.content()).not.toContain(secretValue);
  for (const path of [`${space}/settings`, space]) {
    const html = await (await page.request.get(path)).text();
    expect(html).toContain(path === space ? "Build log" : "API_KEY");
    expect(html).not.toContain(secretValue);
  }

  // The variable started a new build of the head; the secret did not start another one.
  await page.goto(space);
  const rebuilt = (await buildLog.getAttribute("href"))!;
  expect(rebuilt).not.toBe(firstBuild);
  await page.goto(`${space}/settings`);
  await section.getByLabel("New value of API_KEY").fill(`${secretValue}-2`);
  await section.getByRole("button", { name: "Replace value" }).click();
  await expect(section.getByText("Saved. The value is not shown again.").first()).toBeVisible();
  await page.goto(space);
  await expect(buildLog).toHaveAttribute("href", rebuilt);
  expect(await page.content()).not.toContain(secretValue);

  // The new build's job is the Space's (its page names it); its log is public to the Space's readers.
  await buildLog.click();
  await expect(page.getByText("Space build").first()).toBeVisible();
});
