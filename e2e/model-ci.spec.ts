import type { Page } from "@playwright/test";

import { cli, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

const cpuEnvironment = /CPU · PyTorch 2\.1\.0 · Python 3\.9 · openMind 0\.8\.0/;

async function commitFiles(page: Page, model: string, files: Record<string, string>) {
  const response = await page.request.post(`/api/repos/models/${model}/commit`, {
    data: {
      branch: "main",
      operations: Object.entries(files).map(([path, content]) => ({
        kind: "content",
        path,
        content,
        replace: true,
      })),
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

async function startOnCpu(page: Page, base: string) {
  await page.goto(`${base}/ci`);
  const form = page.getByRole("form", { name: "Start a run" });
  for (const box of await form.getByRole("checkbox").all()) await box.uncheck();
  await form.getByRole("checkbox", { name: cpuEnvironment }).check();
  await form.getByRole("button", { name: "Start CI" }).click();
}

test("a writer starts CI on a CPU environment: the log streams, the result shows in the header and the badge", async ({
  page,
  signedIn,
}) => {
  const name = uniqueName("ci");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  await page.goto(`${base}/ci`);
  await expect(page.getByTestId("ci-contract-state")).toContainText("no examples/inference.py");

  await commitFiles(page, `${signedIn.username}/${name}`, {
    "config.txt": "42\n",
    "examples/inference.py": [
      "import argparse, os, sys",
      "p = argparse.ArgumentParser()",
      "p.add_argument('--model_name_or_path')",
      "a = p.parse_args()",
      "print('answer:', open(os.path.join(a.model_name_or_path, 'config.txt')).read().strip())",
      "print(sys.version)",
    ].join("\n"),
  });
  await startOnCpu(page, base);
  await expect(page.getByTestId("ci-contract-state")).toContainText("it can run");
  const row = page.getByTestId("ci-row").first();
  await expect(row).toContainText(cpuEnvironment);
  await expect(row.getByText("answer: 42")).toBeVisible({ timeout: 60_000 });
  await expect(row.getByTestId("ci-status")).toHaveAttribute("data-status", "success", {
    timeout: 30_000,
  });

  await page.goto(base);
  await expect(page.getByTestId("ci-marks")).toContainText("Verified on CPU · PyTorch 2.1.0");
  const badge = await page.request.get(`${base}/ci/badge.svg`);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(badge.headers()["cache-control"]).toContain("max-age=60");
  expect(await badge.text()).toContain("passing");

  const api = await page.request.get(`/api/models/${signedIn.username}/${name}/ci`);
  expect(await api.json()).toMatchObject({
    total: 1,
    model_ci: [{ status: "success", hardware_version: "CPU", framework: "PyTorch" }],
  });

  // A broken script fails with its traceback in the log, and the badge turns.
  await commitFiles(page, `${signedIn.username}/${name}`, {
    "examples/inference.py": "raise RuntimeError('weights missing')\n",
  });
  await startOnCpu(page, base);
  const failed = page.getByTestId("ci-run").first().getByTestId("ci-row");
  await expect(failed.getByText("RuntimeError: weights missing")).toBeVisible({ timeout: 60_000 });
  await expect(failed.getByText(/Traceback/)).toBeVisible();
  await expect(failed.getByTestId("ci-status")).toHaveAttribute("data-status", "failed", {
    timeout: 30_000,
  });
  expect(await (await page.request.get(`${base}/ci/badge.svg`)).text()).toContain("failing");
});
