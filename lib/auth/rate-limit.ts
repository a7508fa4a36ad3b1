import "server-only";

import {
  clearCounter,
  incrementCounter,
  pruneCounters,
  readCounter,
} from "@/db/queries/rate-limits";

export type RateLimit = { limit: number; windowMs: number };

export type RateLimitState = { allowed: boolean; retryAfterSeconds: number };

/** The longest window a rule may use: counters older than this are dropped. */
const maxWindowMs = 24 * 60 * 60_000;
const pruneEveryMs = 60 * 60_000;
const globalForPrune = globalThis as unknown as { strataRateLimitsPrunedAt?: number };

/**
 * Every client address and account name that ever failed leaves a counter row; without pruning the
 * table grows forever. At most once an hour per process, rows whose window ended are dropped.
 */
async function pruneOccasionally(now: number): Promise<void> {
  const last = globalForPrune.strataRateLimitsPrunedAt;
  if (last !== undefined && Math.abs(now - last) < pruneEveryMs) return;
  globalForPrune.strataRateLimitsPrunedAt = now;
  await pruneCounters(now - maxWindowMs);
}

function window(rule: RateLimit, now: number) {
  if (rule.windowMs > maxWindowMs)
    throw new Error(`Rate-limit windows are at most a day, got ${rule.windowMs} ms.`);
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
  await pruneOccasionally(now);
  const used = await incrementCounter(key, w.start);
  return { allowed: used < rule.limit, retryAfterSeconds: w.retryAfterSeconds };
}

export async function resetRateLimit(key: string): Promise<void> {
  await clearCounter(key);
}
