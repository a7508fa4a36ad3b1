// Paths and revisions from the URL that cannot name anything are bad requests (400) or missing
// pages (404): never a 500, and never a stack trace in the server's log. The spec runs a server of
// its own so that it can read that log.
import { request as playwrightRequest } from "@playwright/test";

import { cliIn, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { freePort, startServer } from "./support/runner-process";

test.describe.configure({ timeout: 180_000 });

const badPaths = ["..%2Fx", ".git%2Fconfig", "dir%2F..%2F..%2Fx", "a%00b", "a%5Cb", "%E0%A4%A"];

test("bad paths and revisions in page, file and API URLs give 400 or 404 without a stack trace", async () => {
  const dataDir = `${process.env.STRATA_E2E_DATA_DIR}-${uniqueName("paths")}`;
  const server = await startServer({
    port: await freePort(),
    dataDir,
    env: { STRATA_EMBEDDED_RUNNER: "0" },
  });
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    const user = { username: uniqueName("paths"), password: `pw-${uniqueName()}` };
    await cliIn(dataDir, "users:create", "--username", user.username, "--password", user.password);
    const token = await cliIn(
      dataDir,
      "tokens:create",
      "--username",
      user.username,
      "--name",
      "paths",
      "--scope",
      "write",
    );
    const auth = { Authorization: `Bearer ${token}` };

    // Signed in as the writer, so the edit, new-file and upload pages render rather than 404 early.
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, ...user, json: "true" },
    });
    expect(
      ((await (await api.get("/api/auth/session")).json()) as { user?: unknown }).user,
    ).toBeTruthy();

    const urls: string[] = [
      "/%E0%A4%A",
      `/models/${user.username}/%E0%A4%A`,
      "/images/%E0%A4%A/x",
      "/images/x/y/tags/%E0%A4%A",
    ];
    for (const [type, section] of [
      ["model", "models"],
      ["dataset", "datasets"],
    ] as const) {
      const name = uniqueName("r");
      const created = await api.post("/hf/api/repos/create", {
        headers: auth,
        data: { name, type },
      });
      expect(created.ok()).toBe(true);
      const commit = await api.post(`/hf/api/${section}/${user.username}/${name}/commit/main`, {
        headers: { ...auth, "Content-Type": "application/x-ndjson" },
        data: [
          JSON.stringify({ key: "header", value: { summary: "add" } }),
          JSON.stringify({
            key: "file",
            value: { path: "dir/a.txt", content: "aGk=", encoding: "base64" },
          }),
        ].join("\n"),
      });
      expect(commit.ok()).toBe(true);
      const base = `/${section}/${user.username}/${name}`;
      for (const path of badPaths) {
        for (const mode of ["tree", "blob", "commits", "edit", "new", "upload", "resolve"]) {
          urls.push(`${base}/${mode}/main/${path}`);
        }
        urls.push(`${base}/tree/${path}`, `${base}/commits/${path}`, `${base}/commit/${path}`);
        urls.push(`/hf/${section}/${user.username}/${name}/resolve/main/${path}`);
        urls.push(`/hf/api/${section}/${user.username}/${name}/tree/main/${path}`);
        urls.push(`/hf/api/${section}/${user.username}/${name}/revision/${path}`);
      }
    }

    const failures: string[] = [];
    for (const url of urls) {
      const response = await api.get(url, { headers: auth, maxRedirects: 0 });
      if (![400, 404].includes(response.status())) failures.push(`${response.status()} ${url}`);
    }
    expect(failures).toEqual([]);
    // Nothing was logged as a server error: no stack frames, no Next error marker.
    expect(server.output()).not.toMatch(/^\s+at |⨯/m);
  } finally {
    await api.dispose();
    await server.stop();
  }
});
