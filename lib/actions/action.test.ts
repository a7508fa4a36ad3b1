import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import type { UserSummary } from "@/db/queries/owners";
import { AppError } from "@/lib/errors";

const session = vi.hoisted(() => ({ user: null as UserSummary | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(session.user) }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers({ "x-forwarded-for": "198.51.100.1", "x-strata-client-ip": "203.0.113.9" })) }));

const { defineAction } = await import("./action");

const schema = z.object({ name: z.string().min(2, "Too short."), count: z.coerce.number().int() });
const alice: UserSummary = { id: 1, name: "alice", displayName: null, isAdmin: false };

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("defineAction", () => {
  const handler = vi.fn((input: z.output<typeof schema>) => Promise.resolve(input.count * 2));
  beforeEach(() => {
    handler.mockClear();
    session.user = alice;
  });

  it("refuses a call without a session and never runs the handler", async () => {
    session.user = null;
    const result = await defineAction({ schema }, handler)({ status: "idle" }, form({ name: "ok", count: "1" }));
    expect(result).toMatchObject({ status: "error", code: "unauthorized", message: expect.stringContaining("session has ended") });
    expect(handler).not.toHaveBeenCalled();
  });

  it("validates and coerces FormData before the handler sees it", async () => {
    const action = defineAction({ schema }, handler);
    const bad = await action({ status: "idle" }, form({ name: "x", count: "abc" }));
    expect(bad).toMatchObject({ status: "error", code: "bad_request", fieldErrors: { name: ["Too short."] } });
    expect(handler).not.toHaveBeenCalled();
    const good = await action({ status: "idle" }, form({ name: "okay", count: "21" }));
    expect(good).toEqual({ status: "success", data: 42 });
    expect(handler).toHaveBeenCalledWith({ name: "okay", count: 21 }, { caller: { ...alice, auth: { type: "session" } }, ip: "203.0.113.9" });
  });

  it("enforces admin access", async () => {
    const result = await defineAction({ schema, access: "admin" }, handler)({ status: "idle" }, form({ name: "ok", count: "1" }));
    expect(result).toMatchObject({ status: "error", code: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns AppErrors into results and hides unexpected errors", async () => {
    const conflict = defineAction({ schema }, () => Promise.reject(new AppError("conflict", "Already taken.")));
    expect(await conflict({ status: "idle" }, { name: "ok", count: 1 })).toMatchObject({ code: "conflict", message: "Already taken." });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crash = defineAction({ schema }, () => Promise.reject(new Error("SQLITE_CORRUPT at /secret/path")));
    const result = await crash({ status: "idle" }, { name: "ok", count: 1 });
    expect(result).toMatchObject({ status: "error", code: "internal" });
    expect(JSON.stringify(result)).not.toContain("secret");
    spy.mockRestore();
  });
});
