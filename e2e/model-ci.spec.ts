import type { Locator, Page } from "@playwright/test";

import { cli, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { createRepoInBrowser } from "./support/repo-pages";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

const cpuEnvironment = /CPU · PyTorch 2\.1\.0 · Python 3\.9 · openMind 0\.8\.0/;
const cpuEnvironmentId = "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";
const npuEnvironmentId =
  "base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0";

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

/** A row's log, opened if the row was already over when the page loaded (then it starts closed). */
async function openLog(row: Locator) {
  const toggle = row.getByRole("button", { name: "Log", exact: true });
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  return row;
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
  test.setTimeout(240_000);
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
  const sidebar = page.getByTestId("ci-sidebar");
  await expect(sidebar.getByTestId("ci-sidebar-row")).toContainText(cpuEnvironment);
  await expect(sidebar.getByTestId("ci-status")).toHaveAttribute("data-status", "success");
  await expect(sidebar.getByRole("link", { name: /All CI runs/ })).toHaveAttribute(
    "href",
    `${base}/ci`,
  );

  // The model list: its card carries the mark, and the CI filter (a link, so the URL holds it) finds it.
  await page.goto(`/models?owner=${signedIn.username}`);
  const card = page.getByTestId("repo-card-item").filter({ hasText: name });
  await expect(card.getByTestId("ci-passed-mark")).toHaveText("CPU ✓");
  await page.getByRole("link", { name: "CI passed on NPU" }).click();
  await expect(page).toHaveURL(/[?&]ci=npu/);
  await expect(page.getByTestId("result-count")).toHaveText("0 results");
  await page.getByRole("link", { name: "CI passed on CPU" }).click();
  await expect(page).toHaveURL(/[?&]ci=cpu/);
  await expect(page.getByTestId("result-count")).toHaveText("1 result");
  await expect(card).toBeVisible();
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

  // Its newest result failed: no longer listed as passing, and the card loses its mark.
  await page.goto(`/models?owner=${signedIn.username}&ci=cpu`);
  await expect(page.getByTestId("result-count")).toHaveText("0 results");
  await page.goto(`/models?owner=${signedIn.username}`);
  await expect(page.getByTestId("repo-card-item").filter({ hasText: name })).toBeVisible();
  await expect(page.getByTestId("ci-passed-mark")).toHaveCount(0);
});

test("a writer watches a long run's log, stops it, and reruns it on the same commit", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(240_000);
  const name = uniqueName("ci-stop");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  await commitFiles(page, `${signedIn.username}/${name}`, {
    "examples/inference.py": [
      "import time",
      "print('warming up', flush=True)",
      "for i in range(600):",
      "    print('step', i, flush=True)",
      "    time.sleep(0.5)",
    ].join("\n"),
  });
  await startOnCpu(page, base);
  const row = page.getByTestId("ci-run").first().getByTestId("ci-row");
  // The log streams while the job runs: later steps arrive without a reload.
  await expect(row.getByText("warming up")).toBeVisible({ timeout: 60_000 });
  await expect(row.getByText("step 3")).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId("ci-status")).toHaveAttribute("data-status", "running");
  const commit = (await row.getByTestId("ci-commit").textContent())!;

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Stop" }).click();
  await expect(row.getByTestId("ci-status")).toHaveAttribute("data-status", "stopped", {
    timeout: 30_000,
  });
  await expect(row.getByTestId("ci-reason")).toHaveText("stopped by a user");

  await row.getByRole("button", { name: "Rerun" }).click();
  await expect(page.getByTestId("ci-run")).toHaveCount(2);
  const rerun = page.getByTestId("ci-run").first().getByTestId("ci-row");
  await expect(rerun.getByTestId("ci-commit")).toHaveText(commit);
  await expect(rerun).toContainText(cpuEnvironment);
  await expect(rerun.getByText("warming up")).toBeVisible({ timeout: 60_000 });
  // Not left running: the embedded runner's slots are shared with the other specs.
  page.once("dialog", (dialog) => void dialog.accept());
  await rerun.getByRole("button", { name: "Stop" }).click();
  await expect(rerun.getByTestId("ci-status")).toHaveAttribute("data-status", "stopped", {
    timeout: 30_000,
  });
});

test("a push to a model whose card says `ci: {on: push}` starts a run by itself, and a newer push replaces the one still queued", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(240_000);
  const name = uniqueName("ci-push");
  const base = await createRepoInBrowser(page, { type: "model", owner: signedIn.username, name });
  const model = `${signedIn.username}/${name}`;
  // No runner here offers the NPU environment, so its job waits in the queue: the one a newer
  // push replaces. The CPU one runs on the embedded runner.
  const card = [
    "---",
    "ci:",
    "  on: push",
    "  environments:",
    `    - ${npuEnvironmentId}`,
    `    - ${cpuEnvironmentId}`,
    "---",
    "# CI on push",
    "",
  ].join("\n");
  await commitFiles(page, model, {
    "README.md": card,
    "config.txt": "first\n",
    "examples/inference.py": [
      "import argparse, os",
      "p = argparse.ArgumentParser()",
      "p.add_argument('--model_name_or_path')",
      "a = p.parse_args()",
      "print('config:', open(os.path.join(a.model_name_or_path, 'config.txt')).read().strip())",
    ].join("\n"),
  });

  const runs = page.getByTestId("ci-run");
  await expect(async () => {
    await page.goto(`${base}/ci`);
    await expect(runs).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const first = runs.first();
  await expect(first.getByTestId("ci-row")).toHaveCount(2);
  const firstCpu = first.getByTestId("ci-row").filter({ hasText: cpuEnvironment });
  await expect(firstCpu.getByTestId("ci-status")).toHaveAttribute("data-status", "success", {
    timeout: 90_000,
  });
  await expect((await openLog(firstCpu)).getByText("config: first")).toBeVisible();
  const firstNpu = first.getByTestId("ci-row").filter({ hasText: "NPU ·" });
  await expect(firstNpu.getByTestId("ci-status")).toHaveAttribute("data-status", "queued");

  await commitFiles(page, model, { "config.txt": "second\n" });
  await expect(async () => {
    await page.goto(`${base}/ci`);
    await expect(runs).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const replaced = runs.nth(1).getByTestId("ci-row").filter({ hasText: "NPU ·" });
  await expect(replaced.getByTestId("ci-status")).toHaveAttribute("data-status", "stopped");
  await expect(replaced.getByTestId("ci-reason")).toHaveText("superseded by a newer push");
  const secondCpu = runs.first().getByTestId("ci-row").filter({ hasText: cpuEnvironment });
  await expect(secondCpu.getByTestId("ci-status")).toHaveAttribute("data-status", "success", {
    timeout: 90_000,
  });
  await expect((await openLog(secondCpu)).getByText("config: second")).toBeVisible();

  const api = await page.request.get(`/api/models/${model}/ci`);
  const records = (await api.json()) as {
    model_ci: { image: string; status: string; stop_reason: string | null }[];
  };
  expect(records.model_ci.filter((r) => r.stop_reason === "cancelled_by_newer_push")).toEqual([
    expect.objectContaining({ image: npuEnvironmentId, status: "stopped" }),
  ]);
  // The NPU run of the newest push still waits; stop it so nothing is left queued.
  const waiting = runs.first().getByTestId("ci-row").filter({ hasText: "NPU ·" });
  page.once("dialog", (dialog) => void dialog.accept());
  await waiting.getByRole("button", { name: "Stop" }).click();
  await expect(waiting.getByTestId("ci-status")).toHaveAttribute("data-status", "stopped", {
    timeout: 30_000,
  });
});
