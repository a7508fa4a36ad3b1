import "server-only";

import { clearCounter, incrementCounter, readCounter } from "@/db/queries/rate-limits";

export type RateLimit = { limit: number; windowMs: number };

export type RateLimitState = { allowed: boolean; retryAfterSeconds: number };

function window(rule: RateLimit, now: number) {
  const start = Math.floor(now / rule.windowMs) * rule.windowMs;
  return { start, retryAfterSeconds: Math.ceil((start + rule.windowMs - now) / 1000) };
}

/** Whether another attempt is allowed for `key` under `rule`, without counting one. */
export async function checkRateLimit(
  key: string,
  rule: RateLimit,
  now = Date.now(),
): Promise<RateLimitState> {
  const w = window(rule, now);
  const used = await readCounter(key, w.start);
  return { allowed: used < rule.limit, retryAfterSeconds: w.retryAfterSeconds };
}

/** Counts one event for `key`; returns whether the key is still within its limit afterwards. */
export async function recordRateLimitHit(
  key: string,
  rule: RateLimit,
  now = Date.now(),
): Promise<RateLimitState> {
  const w = window(rule, now);
  const used = await incrementCounter(key, w.start);
  return { allowed: used < rule.limit, retryAfterSeconds: w.retryAfterSeconds };
}

export async function resetRateLimit(key: string): Promise<void> {
  await clearCounter(key);
}
