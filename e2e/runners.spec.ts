import { cli, createToken, createUser } from "./support/cli";
import { adminTest, expect, test } from "./support/fixtures";
import { signInViaApi } from "./support/session";

// The server under test starts its embedded runner (shell executor, hardware=cpu), which runs
// these jobs for real.

adminTest(
  "an admin sees the embedded runner online, runs a diagnostic job and watches its log live",
  async ({ page }) => {
    await page.goto("/runners");
    await expect(page.getByRole("heading", { level: 1, name: "Runners" })).toBeVisible();
    const embedded = page.getByTestId("runner-row").filter({ hasText: "embedded" });
    await expect(embedded.getByTestId("runner-status")).toHaveText("online");
    await expect(embedded).toContainText("hardware=cpu");
    await expect(embedded).toContainText("shell");
    // Space apps on runners have a section of their own (rows or what to do next).
    await expect(page.getByRole("heading", { name: "Space apps" })).toBeVisible();

    const form = page.getByRole("form", { name: "Run a diagnostic job" });
    await form.getByLabel("Labels").fill("hardware=cpu");
    await form
      .getByLabel("Script")
      .fill(
        `for i in $(seq 1 10); do echo "line $i"; sleep 1; done\nprintf '\\033[32mall good\\033[0m\\n'`,
      );
    await form.getByRole("button", { name: "Run job" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    const jobId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Job #${jobId}`);

    // Lines appear while the job is still running (how many depends on how fast the page loaded);
    // more follow without a reload.
    const log = page.getByTestId("job-log");
    const state = page.getByTestId("job-state");
    await expect(log).toContainText(/line \d+/);
    const [textAtFirstLine, stateAtFirstLine] = await Promise.all([
      log.textContent(),
      state.getAttribute("data-state"),
    ]);
    expect(stateAtFirstLine).toBe("running");
    expect(textAtFirstLine).not.toContain("all good");
    await expect(page.getByTestId("log-status")).toHaveAttribute("data-status", "live");

    // Then it ends: the badge turns to succeeded without a reload, with the exit code and duration.
    await expect(state).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    await expect(state).toHaveText("succeeded");
    await expect(log).toContainText("line 10");
    await expect(page.getByTestId("log-status")).toHaveAttribute("data-status", "ended");
    await expect(page.getByTestId("job-exit-code")).toHaveText("0");
    await expect(page.getByTestId("job-duration")).toHaveText(/^\d+ s$/);
    // Colour codes are rendered, not shown.
    await expect(log.getByText("all good", { exact: true })).toHaveClass(/text-green/);
    await expect(log).not.toContainText("[32m");
    await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();

    // The download is the same log.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`job-${jobId}.log`);

    // The runners page lists it among the recent jobs.
    await page.getByRole("link", { name: "← Runners" }).click();
    await expect(page.getByTestId("recent-row").filter({ hasText: `#${jobId}` })).toContainText(
      "succeeded",
    );
  },
);

adminTest(
  "an admin creates a registration token and sees the exact command to register a runner",
  async ({ page, context }) => {
    await page.goto("/runners");
    const form = page.getByRole("form", { name: "Create token" });
    await form.getByLabel("Description").fill("rack 7");
    await form.getByRole("button", { name: "Create token" }).click();
    const created = page.getByTestId("new-registration-token");
    await expect(created).toContainText("it will not be shown again");
    const token = (await created
      .getByTestId("registration-token")
      .getByTestId("copy-text")
      .textContent())!;
    expect(token).toMatch(/^strreg_[A-Za-z0-9_-]{43}$/);
    const command = created.getByTestId("register-command");
    await expect(command.getByTestId("copy-text")).toHaveText(
      `npm run runner -- register --url ${process.env.STRATA_E2E_URL} --token ${token} --name "$(hostname)" --executor shell`,
    );
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await command.getByRole("button", { name: /Copy/ }).click();
    await expect(command.getByRole("button", { name: /Copy/ })).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`--token ${token}`);

    // Listed by its prefix only; revoking it marks it revoked.
    const row = page.getByTestId("registration-token-row").filter({ hasText: "rack 7" });
    await expect(row).toContainText(token.slice(0, 11));
    await expect(row).not.toContainText(token);
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: /Revoke/ }).click();
    await expect(row.getByTestId("registration-token-status")).toHaveText("revoked");
  },
);

test("runners and diagnostic jobs are hidden from everyone but administrators", async ({
  page,
  browser,
}) => {
  const [jobId, user] = await Promise.all([
    cli("jobs:run", "--labels", "hardware=cpu", "--script", "echo admins-only"),
    createUser(),
  ]);
  const token = await createToken(user.username, "write");
  await signInViaApi(page, user);
  expect((await page.goto("/runners"))?.status()).toBe(404);
  expect((await page.goto(`/jobs/${jobId}`))?.status()).toBe(404);
  await expect(page.getByText("admins-only")).toHaveCount(0);
  // The same through the API, with the session and with the user's token.
  const asSession: Record<string, string> = {};
  for (const headers of [asSession, { Authorization: `Bearer ${token}` }]) {
    for (const path of [
      `/api/jobs/${jobId}`,
      `/api/jobs/${jobId}/log`,
      `/api/jobs/${jobId}/log/stream`,
    ]) {
      expect((await page.request.get(path, { headers })).status(), path).toBe(404);
    }
    expect((await page.request.post(`/api/jobs/${jobId}/cancel`, { headers })).status()).toBe(404);
    expect((await page.request.get("/api/runners", { headers })).status()).toBe(403);
  }
  // Signed out, the pages ask to sign in first.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto("/runners");
  await expect(visitor).toHaveURL(/\/login\?callbackUrl=%2Frunners$/);
  await visitor.goto(`/jobs/${jobId}`);
  await expect(visitor).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Fjobs%2F${jobId}$`));
  await anonymous.close();
});

adminTest("an admin cancels a running job from its page, then retries it", async ({ page }) => {
  const jobId = await cli(
    "jobs:run",
    "--labels",
    "hardware=cpu",
    "--script",
    "echo started; sleep 120",
  );
  await page.goto(`/jobs/${jobId}`);
  const state = page.getByTestId("job-state");
  await expect(page.getByTestId("job-log")).toContainText("started");
  await expect(state).toHaveAttribute("data-state", "running");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(state).toHaveAttribute("data-state", "cancelled", { timeout: 20_000 });
  await expect(page.getByTestId("job-reason")).toHaveText("Cancelled.");
  await expect(page.getByTestId("job-log")).toContainText("[strata] cancelled");

  // Retry queues the same job again as a new one and opens it.
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/(?!${jobId}$)\\d+$`));
  const retryId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByTestId("job-facts")).toContainText(`Retry of #${jobId}`);
  // Cancel the retry too, so the embedded runner's slot is free for other specs.
  const cancelled = await page.request.post(`/api/jobs/${retryId}/cancel`);
  expect(cancelled.status()).toBe(200);
  await expect(state).toHaveAttribute("data-state", "cancelled", { timeout: 20_000 });
});

adminTest(
  "a job no runner can take says why it waits, on the runners page and on its own page",
  async ({ page }) => {
    const jobId = await cli(
      "jobs:run",
      "--labels",
      "hardware=npu,npu=910x",
      "--script",
      "npu-smi info",
      "--npus",
      "2",
    );
    await page.goto("/runners");
    const row = page.getByTestId("queue-row").filter({ hasText: `#${jobId}` });
    await expect(row.getByTestId("job-state")).toHaveText("queued");
    await expect(row).toContainText("2 NPUs");
    await expect(row.getByTestId("wait-reason")).toContainText("No online runner has");
    await expect(row.getByTestId("wait-reason")).toContainText("npu=910x");

    await row.getByRole("link", { name: `#${jobId}` }).click();
    await expect(page.getByTestId("job-wait-reason")).toContainText("npu=910x");
    // Cancelling a queued job ends it at once.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("job-state")).toHaveAttribute("data-state", "cancelled");
    await expect(page.getByTestId("job-wait-reason")).toHaveCount(0);
    await expect(page.getByTestId("job-reason")).toHaveText("Cancelled before it started.");
  },
);
