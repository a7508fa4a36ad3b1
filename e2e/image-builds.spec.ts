// An administrator builds one tag of a small test stack: the pipeline view shows each layer move to
// pushed with its live log, and the tag page shows the digest built here. The spec runs a server
// of its own (with the test stack and the mirror configured) and a real runner with buildah.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { test as base } from "@playwright/test";

import { cliIn, uniqueName } from "./support/cli";
import { expect } from "./support/fixtures";
import { buildBusyboxLayout } from "./support/registry";
import { freePort, startRunner, startServer } from "./support/runner-process";

const exec = promisify(execFile);
const canBuild = process.getuid?.() === 0 && fs.existsSync("/usr/bin/buildah");

base.describe.configure({ timeout: 300_000 });

base.skip(!canBuild, "needs root and buildah for a real build");

base("an admin builds a tag of the stack and watches it reach pushed", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-e2e-images-"));
  const dataDir = `${process.env.STRATA_E2E_DATA_DIR}-${uniqueName("images")}`;
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const stackFile = path.join(dir, "stack.json");
  fs.writeFileSync(
    stackFile,
    JSON.stringify({
      nodes: [
        {
          repository: "e2ebase",
          tag: "1",
          arches: ["amd64"],
          from: "e2etiny:1",
          dockerfile: "RUN echo base > /layer-base",
        },
        {
          repository: "e2etop",
          tag: "1",
          parent: "e2ebase:1",
          arches: ["amd64"],
          dockerfile: "RUN echo top > /layer-top",
        },
      ],
    }),
  );
  const server = await startServer({
    port,
    dataDir,
    env: {
      STRATA_EMBEDDED_RUNNER: "0",
      STRATA_IMAGE_STACK: stackFile,
      // base_image is public: the mirror is this hub's own namespace here.
      STRATA_BASE_MIRROR: `${host}/base_image`,
    },
  });
  let stopRunner: (() => Promise<void>) | undefined;
  try {
    const admin = { username: uniqueName("admin"), password: `pw-${uniqueName()}` };
    await cliIn(
      dataDir,
      "users:create",
      "--username",
      admin.username,
      "--password",
      admin.password,
      "--admin",
    );
    await cliIn(dataDir, "orgs:create", "--name", "base_image", "--owner", admin.username);
    const token = await cliIn(
      dataDir,
      "tokens:create",
      "--username",
      admin.username,
      "--name",
      "push",
      "--scope",
      "write",
    );
    const layout = await buildBusyboxLayout(dir);
    await exec("skopeo", [
      "copy",
      "--dest-creds",
      `${admin.username}:${token}`,
      "--dest-tls-verify=false",
      `oci:${layout}:v1`,
      `docker://${host}/base_image/e2etiny:1`,
    ]);
    const runner = await startRunner({
      url: server.url,
      registrationToken: await cliIn(dataDir, "runners:token"),
      name: uniqueName("builder"),
      labels: "arch=amd64",
      dir,
    });
    stopRunner = runner.stop;

    const { csrfToken } = (await (
      await page.request.get(`${server.url}/api/auth/csrf`)
    ).json()) as { csrfToken: string };
    await page.request.post(`${server.url}/api/auth/callback/credentials`, {
      form: { csrfToken, ...admin, json: "true" },
    });

    await page.goto(`${server.url}/images/builds`);
    await page.getByLabel("Image", { exact: true }).fill("e2etop:1");
    await page.getByRole("button", { name: "Start build" }).click();
    await expect(page).toHaveURL(/\/images\/builds\/\d+$/);

    const top = page.locator('[data-testid="pipeline-node"][data-image="base_image/e2etop:1"]');
    const bottom = page.locator('[data-testid="pipeline-node"][data-image="base_image/e2ebase:1"]');
    await expect(bottom).toBeVisible();
    // The live log of the running (or just finished) layer streams into the page.
    await expect(page.getByText(/STEP 1\/2: FROM /).first()).toBeVisible({ timeout: 120_000 });
    await expect(top).toHaveAttribute("data-state", "pushed", { timeout: 180_000 });
    await expect(bottom).toHaveAttribute("data-state", "pushed");
    await expect(page.getByTestId("build-state")).toHaveAttribute("data-state", "succeeded");
    await expect(
      page.getByText(/FROM 127\.0\.0\.1:\d+\/base_image\/e2ebase@sha256:/),
    ).toBeVisible();

    await top.getByRole("link", { name: "base_image/e2etop:1" }).click();
    const built = page.getByTestId("built-here");
    await expect(built).toBeVisible();
    await expect(built.getByText(/^sha256:[0-9a-f]{64}$/).first()).toBeVisible();
    await expect(built.getByRole("link", { name: /^Build \d+$/ })).toBeVisible();
  } finally {
    await stopRunner?.();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
