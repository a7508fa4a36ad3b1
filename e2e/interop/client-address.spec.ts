import { expect, test } from "@playwright/test";
import { randomInt } from "node:crypto";
import http from "node:http";

import { createUser, uniqueName } from "../support/cli";

// Rate limits key on the client's address. Each test signs in from its own loopback address
// (127.x.y.z: all of 127/8 is this machine), so its failed attempts cannot lock out the rest of
// the suite, which comes from 127.0.0.1.
const base = new URL(process.env.STRATA_E2E_URL!);
const loopback = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(
  from: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: base.port,
        localAddress: from,
        path,
        method: init.method ?? "GET",
        headers: init.headers,
        agent: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

/** Signs in through next-auth's credentials endpoint from `from`; returns the error, or null on success. */
async function signIn(
  from: string,
  username: string,
  password: string,
  forged: Record<string, string> = {},
) {
  const csrf = await send(from, "/api/auth/csrf");
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const reply = await send(from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookie,
      ...forged,
    },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
  });
  const { url } = JSON.parse(reply.body) as { url: string };
  return new URL(url, base).searchParams.get("error");
}

test.describe("client addresses come from the socket", () => {
  test("sixty failed sign-ins from one socket trip the limit whatever forwarding headers say", async () => {
    test.setTimeout(120_000);
    const attacker = loopback();
    const errors: (string | null)[] = [];
    for (let i = 0; i < 60; i++) {
      // A new account name each time (so only the per-address limit can trip) and new forged
      // addresses, in X-Forwarded-For and in the header the server itself sets for the app.
      const forged = {
        "X-Forwarded-For": `198.51.100.${i + 1}`,
        "X-Strata-Client-Ip": `203.0.113.${i + 1}`,
      };
      errors.push(await signIn(attacker, uniqueName("nobody"), "wrong", forged));
    }
    expect(errors.slice(0, 50).every((e) => e === "Wrong username or password.")).toBe(true);
    expect(errors.slice(50).every((e) => e?.startsWith("Too many failed sign-in attempts"))).toBe(
      true,
    );
  });

  test("forging a victim's address in X-Forwarded-For does not lock the victim out", async () => {
    test.setTimeout(120_000);
    const [attacker, victimAddress] = [loopback(), loopback()];
    const victim = await createUser({ prefix: "victim" });
    for (let i = 0; i < 55; i++)
      await signIn(attacker, uniqueName("nobody"), "wrong", { "X-Forwarded-For": victimAddress });
    expect(await signIn(attacker, victim.username, victim.password)).toMatch(/^Too many failed/);
    expect(await signIn(victimAddress, victim.username, victim.password)).toBeNull();
  });
});
