import type { APIRequestContext } from "@playwright/test";

import { cli, createToken, createUser } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { signInViaApi } from "./support/session";
import { pushBase } from "./support/space-base";

test.beforeAll(async () => {
  await cli("catalog:seed");
});

// A gradio Space's app as the embedded (shell) runner runs it: stdlib Python listening on
// GRADIO_SERVER_PORT, with a form, an SSE endpoint, and a script that tries to read the viewer's
// account from this site's API.
const appPy = (version: string) => String.raw`
import html, os, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

PAGE = """<!doctype html><meta charset="utf-8"><title>Greeter</title>
<h1>Greeter ${version}</h1>
<form method="post" action="greet"><label>Your name <input name="who"></label>
<button>Greet</button></form>
<pre id="events"></pre><pre id="whoami">pending</pre>
<script>
const events = new EventSource("events");
events.onmessage = (e) => {
  document.getElementById("events").textContent += e.data + "\\n";
  if (e.data === "tick 2") events.close();
};
fetch("/api/whoami", { credentials: "include" })
  .then((r) => r.text())
  .then((t) => { document.getElementById("whoami").textContent = "read: " + t; },
        () => { document.getElementById("whoami").textContent = "blocked"; });
</script>"""

class App(BaseHTTPRequestHandler):
    def page(self, body):
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/events":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            for i in range(3):
                self.wfile.write(("data: tick %d\n\n" % i).encode())
                self.wfile.flush()
                time.sleep(0.5)
            return
        self.page(PAGE)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        who = parse_qs(self.rfile.read(length).decode()).get("who", ["nobody"])[0]
        self.page("<h1>Hello, %s (from ${version})</h1>" % html.escape(who))

ThreadingHTTPServer(("0.0.0.0", int(os.environ["GRADIO_SERVER_PORT"])), App).serve_forever()
`;

/** One commit through the Hub API's NDJSON commit endpoint. */
async function commitFiles(
  request: APIRequestContext,
  input: { repo: string; token: string; files: Record<string, string>; summary: string },
) {
  const lines = [
    { key: "header", value: { summary: input.summary, description: "" } },
    ...Object.entries(input.files).map(([path, content]) => ({
      key: "file",
      value: { path, content: Buffer.from(content).toString("base64"), encoding: "base64" },
    })),
  ];
  const response = await request.post(`/hf/api/spaces/${input.repo}/commit/main`, {
    headers: {
      authorization: `Bearer ${input.token}`,
      "content-type": "application/x-ndjson",
    },
    data: lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
  });
  expect(response.status(), await response.text()).toBe(200);
}

test("a gradio Space's app runs on the embedded runner behind the proxy: form, SSE, a failed start, pause, sleep and wake", async ({
  page,
  signedIn,
  browser,
}) => {
  test.setTimeout(480_000);
  const name = `run-${Date.now().toString(36)}`;
  const repo = `${signedIn.username}/${name}`;
  const token = await createToken(signedIn.username, "write");

  await page.goto("/spaces/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Gradio:/).check();
  await page.getByLabel("Hardware").selectOption("cpu-basic");
  const base = page.getByLabel("Base environment", { exact: true });
  const image = (await base.locator("optgroup option").first().getAttribute("value"))!;
  expect(image).not.toContain("cann");
  await pushBase(image);
  await base.selectOption(image);
  await page.getByRole("button", { name: "Create Space" }).click();
  await expect(page.getByTestId("repo-title")).toHaveText(name);

  // The app: stdlib only, so the busybox base builds it and the shell runner runs it from a checkout.
  await commitFiles(page.request, {
    repo,
    token,
    summary: "A stdlib app",
    files: { "app.py": appPy("one"), "requirements.txt": "# stdlib only\n" },
  });
  await page.goto(`/spaces/${repo}`);
  const state = page.getByTestId("space-run-state");
  await expect(state).toHaveText("Running", { timeout: 240_000 });

  const app = page.frameLocator('[data-testid="space-app"]');
  await expect(app.getByRole("heading", { name: "Greeter one" })).toBeVisible();
  // The SSE stream reaches the page through the proxy, event by event.
  await expect(app.locator("#events")).toHaveText("tick 0\ntick 1\ntick 2\n");
  // The app's script runs in an opaque origin: it cannot read the viewer's account.
  await expect(app.locator("#whoami")).not.toHaveText("pending");
  await expect(app.locator("#whoami")).not.toContainText(signedIn.username);
  // A form POST passes through and its answer comes back.
  await app.getByLabel("Your name").fill("Ada <3");
  await app.getByRole("button", { name: "Greet" }).click();
  await expect(app.getByRole("heading", { name: "Hello, Ada <3 (from one)" })).toBeVisible();

  // A site administrator sees the app on /runners: on the embedded runner, on CPU, holding no NPU.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInViaApi(admin, await createUser({ admin: true }));
  await admin.goto("/runners");
  await expect(admin.getByRole("heading", { name: "Space apps" })).toBeVisible();
  const row = admin.locator(`[data-testid="running-space-row"][data-space="${repo}"]`);
  await expect(row.getByTestId("running-space-state")).toHaveText("running");
  await expect(row).toContainText("embedded-");
  await expect(row).toContainText("CPU");
  await expect(row.getByTestId("running-space-npus")).toHaveText(/none$/);
  await expect(row.getByRole("link", { name: repo })).toHaveAttribute("href", `/spaces/${repo}`);
  await adminContext.close();
  // The owner is no administrator: the page does not exist for them.
  expect((await page.request.get("/runners")).status()).toBe(404);

  // Both logs are SSE streams at the Hub's paths.
  const buildLog = await page.request.get(`/api/spaces/${repo}/logs/build`);
  expect(buildLog.headers()["content-type"]).toContain("text/event-stream");
  expect(await buildLog.text()).toMatch(/^data: \{"data":/m);
  await expect(page.getByTestId("space-logs")).toBeVisible();

  // A commit that crashes at start: its run fails with the traceback, the old version keeps serving.
  await commitFiles(page.request, {
    repo,
    token,
    summary: "Crash at start",
    files: { "app.py": 'import sys\nraise RuntimeError("boom at start")\n' },
  });
  const problem = page.getByTestId("space-run-problem");
  await expect(async () => {
    await page.reload();
    await expect(problem).toContainText("RuntimeError: boom at start", { timeout: 2_000 });
  }).toPass({ timeout: 240_000 });
  await expect(problem).toContainText("Traceback");
  await expect(state).toHaveText("Running");
  await expect(app.getByRole("heading", { name: "Greeter one" })).toBeVisible();

  // A fixed version replaces the serving one once it answers.
  await commitFiles(page.request, {
    repo,
    token,
    summary: "Fixed",
    files: { "app.py": appPy("two") },
  });
  // (A page rendered just before the switch still names the failed start while its frame already
  // shows the new version: reload until both agree.)
  await expect(async () => {
    await page.reload();
    await expect(app.getByRole("heading", { name: "Greeter two" })).toBeVisible({
      timeout: 2_000,
    });
    await expect(problem).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 240_000 });

  // Pause: the proxy answers with a page of its own; Resume brings the app back.
  await page.getByTestId("space-pause").click();
  await expect(state).toHaveText("Paused");
  const paused = await page.request.get(`/spaces/${repo}/app/`);
  expect(paused.status()).toBe(503);
  expect(await paused.text()).toContain("paused by its owner");
  await page.getByTestId("space-resume").click();
  await expect(state).toHaveText("Running", { timeout: 90_000 });

  // Sleep after a short idle time (the Hub's sleeptime API), then a visit wakes it.
  const sleep = await page.request.post(`/hf/api/spaces/${repo}/sleeptime`, {
    headers: { authorization: `Bearer ${token}` },
    data: { seconds: 5 },
  });
  expect(sleep.status(), await sleep.text()).toBe(200);
  expect(((await sleep.json()) as { gcTimeout: number }).gcTimeout).toBe(5);
  await page.goto("about:blank");
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/hf/api/spaces/${repo}/runtime`)).json()) as {
            stage: string;
          }
        ).stage,
      { timeout: 60_000 },
    )
    .toBe("SLEEPING");
  await page.goto(`/spaces/${repo}/app/`);
  await expect(page.getByText("waking up")).toBeVisible();
  // The page reloads itself until the app answers again.
  await expect(page.getByRole("heading", { name: "Greeter two" })).toBeVisible({
    timeout: 120_000,
  });

  // Settings show the idle time set through the API, and put it back to the hardware's default.
  await page.goto(`/spaces/${repo}/settings`);
  const sleepTime = page.getByLabel("Sleep after");
  await expect(sleepTime).toHaveValue("5");
  await sleepTime.selectOption({ label: "the default for its hardware (48 h without visitors)" });
  await page
    .getByRole("region", { name: "Sleep time" })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const runtime = await page.request.get(`/hf/api/spaces/${repo}/runtime`);
  expect(((await runtime.json()) as { gcTimeout: number }).gcTimeout).toBe(48 * 3600);
});
