// Rate limits key on the client's address as the server saw it, not on what X-Forwarded-For says.
// Each test trips a limit for 127.0.0.1, so it runs a server of its own, never the shared one.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { cliIn, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";
import { freePort, startServer, type ServerProcess } from "./support/runner-process";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const tooMany = /Too many failed sign-in attempts/;

async function ownServer(
  trustedProxies: string,
): Promise<{ server: ServerProcess; dataDir: string }> {
  const dataDir = `${process.env.STRATA_E2E_DATA_DIR}-${uniqueName("addr")}`;
  const server = await startServer({
    port: await freePort(),
    dataDir,
    env: { STRATA_EMBEDDED_RUNNER: "0", STRATA_TRUSTED_PROXIES: trustedProxies },
  });
  return { server, dataDir };
}

/** One sign-in through the credentials form's endpoint; the message next-auth hands to the form. */
async function signIn(
  api: APIRequestContext,
  user: { username: string; password: string },
  headers: Record<string, string>,
): Promise<string> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken, ...user, json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "signed in";
}

test("sixty failed sign-ins from one socket trip the limit whatever X-Forwarded-For says", async () => {
  const { server } = await ownServer("");
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    const messages: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      // A new forged address (and a new account, so the per-account limit stays out of it) each time;
      // a forged copy of the server's own header does not help either.
      const forged = `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      const headers = { "X-Forwarded-For": forged, "X-Strata-Client-Ip": forged };
      messages.push(
        await signIn(api, { username: uniqueName("nobody"), password: "wrong" }, headers),
      );
    }
    expect(messages[0]).toBe("Wrong username or password.");
    expect(messages.slice(-10).every((message) => tooMany.test(message))).toBe(true);

    // The registry's token endpoint counts failed logins by the same address: 429.
    let last = 0;
    for (let i = 0; i < 31; i += 1) {
      const response = await api.get("/v2/token?service=strata&scope=repository:x/y:pull", {
        headers: {
          Authorization: `Basic ${Buffer.from(`nobody:hf_wrong${i}`).toString("base64")}`,
          "X-Forwarded-For": `203.0.113.${i + 1}`,
        },
      });
      last = response.status();
    }
    expect(last).toBe(429);
  } finally {
    await api.dispose();
    await server.stop();
  }
});

test("behind a trusted proxy, a forged X-Forwarded-For entry neither dodges the limit nor locks out its victim", async () => {
  // The test plays the proxy: it connects from 127.0.0.1 and appends the address it "saw".
  const { server, dataDir } = await ownServer("127.0.0.1, ::1");
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    const victim = { username: uniqueName("victim"), password: `pw-${uniqueName()}` };
    await cliIn(
      dataDir,
      "users:create",
      "--username",
      victim.username,
      "--password",
      victim.password,
    );
    const victimAddress = "203.0.113.9";
    const attacker = "198.51.100.66";

    for (let i = 0; i < 60; i += 1) {
      // The attacker writes the victim's address (and a rotating one) in front of the entry the
      // proxy adds for the attacker's real address.
      const headers = { "X-Forwarded-For": `${victimAddress}, 192.0.2.${i + 1}, ${attacker}` };
      await signIn(api, { username: uniqueName("nobody"), password: "wrong" }, headers);
    }
    expect(
      await signIn(
        api,
        { username: uniqueName("nobody"), password: "wrong" },
        {
          "X-Forwarded-For": `192.0.2.200, ${attacker}`,
        },
      ),
    ).toMatch(tooMany);

    // The victim, whose address the proxy reports, still signs in.
    expect(await signIn(api, victim, { "X-Forwarded-For": victimAddress })).toBe("signed in");
  } finally {
    await api.dispose();
    await server.stop();
  }
});
