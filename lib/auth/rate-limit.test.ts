import { describe, expect, it } from "vitest";

import { insertUser } from "@/db/queries/owners";
import { uniqueName } from "@/test/factories";

import { hashPassword } from "./password";
import { checkRateLimit, recordRateLimitHit, resetRateLimit } from "./rate-limit";
import { authenticateWithPassword, signInLimits } from "./sign-in";

describe("rate limiting", () => {
  const rule = { limit: 3, windowMs: 60_000 };

  it("allows up to the limit per window, then refuses until the window ends", async () => {
    const key = uniqueName("k");
    const t0 = 1_700_000_080_000; // 40 s into a one-minute window
    for (let i = 0; i < 2; i++)
      expect((await recordRateLimitHit(key, rule, t0)).allowed).toBe(true);
    expect((await recordRateLimitHit(key, rule, t0)).allowed).toBe(false);
    const state = await checkRateLimit(key, rule, t0 + 1000);
    expect(state).toEqual({ allowed: false, retryAfterSeconds: 19 });
    expect((await checkRateLimit(key, rule, t0 + 20_000)).allowed).toBe(true);
    expect((await recordRateLimitHit(key, rule, t0 + 20_000)).allowed).toBe(true);
  });

  it("drops counters whose window ended more than a day ago, at most once an hour", async () => {
    const [stale, fresh] = [uniqueName("stale"), uniqueName("fresh")];
    const now = Date.now();
    const twoDaysAgo = now - 2 * 24 * 60 * 60_000;
    for (let i = 0; i < 3; i++) await recordRateLimitHit(stale, rule, twoDaysAgo);
    expect((await checkRateLimit(stale, rule, twoDaysAgo)).allowed).toBe(false);
    await recordRateLimitHit(fresh, rule, now);
    // The stale row is gone, so its old window reads as unused.
    expect((await checkRateLimit(stale, rule, twoDaysAgo)).allowed).toBe(true);
  });

  it("refuses windows longer than a day, which pruning would cut short", async () => {
    await expect(
      recordRateLimitHit("k", { limit: 1, windowMs: 2 * 24 * 60 * 60_000 }),
    ).rejects.toThrow(/at most a day/);
  });

  it("keeps keys apart and can be reset", async () => {
    const [a, b] = [uniqueName("a"), uniqueName("b")];
    for (let i = 0; i < 3; i++) await recordRateLimitHit(a, rule);
    expect((await checkRateLimit(a, rule)).allowed).toBe(false);
    expect((await checkRateLimit(b, rule)).allowed).toBe(true);
    await resetRateLimit(a);
    expect((await checkRateLimit(a, rule)).allowed).toBe(true);
  });
});

describe("password sign-in", () => {
  it("accepts the right password, refuses others, and locks an account after repeated failures", async () => {
    const name = uniqueName("signin");
    await insertUser({ name, passwordHash: await hashPassword("right password") });
    const ip = `10.0.0.${Math.floor(Math.random() * 250)}`;

    await expect(
      authenticateWithPassword({ username: name.toUpperCase(), password: "right password", ip }),
    ).resolves.toMatchObject({ name });
    await expect(
      authenticateWithPassword({ username: name, password: "wrong", ip }),
    ).rejects.toMatchObject({
      code: "unauthorized",
      message: "Wrong username or password.",
    });
    await expect(
      authenticateWithPassword({ username: uniqueName("ghost"), password: "x", ip }),
    ).rejects.toMatchObject({
      message: "Wrong username or password.",
    });

    for (let i = 1; i < signInLimits.account.limit; i++) {
      await authenticateWithPassword({ username: name, password: "wrong", ip: `${ip}-${i}` }).catch(
        () => undefined,
      );
    }
    // Locked: even the right password is refused, with a retry hint.
    await expect(
      authenticateWithPassword({ username: name, password: "right password", ip: "10.9.9.9" }),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many failed sign-in attempts/) as unknown,
    });
  }, 30_000);
});
