import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import type { UserSummary } from "@/db/queries/owners";
import { AppError } from "@/lib/errors";

const session = vi.hoisted(() => ({
  user: null as UserSummary | null,
  locale: undefined as string | undefined,
}));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(session.user) }));
vi.mock("next/headers", () => ({
  headers: () =>
    Promise.resolve(
      new Headers({ "x-forwarded-for": "198.51.100.1", "x-strata-client-ip": "203.0.113.9" }),
    ),
  cookies: () =>
    Promise.resolve({
      get: (name: string) =>
        name === "strata-locale" && session.locale ? { name, value: session.locale } : undefined,
    }),
}));

const { defineAction } = await import("./action");
const { createOrgAction } = await import("@/app/organizations/new/actions");

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
    session.locale = undefined;
  });

  it("refuses a call without a session and never runs the handler", async () => {
    session.user = null;
    const result = await defineAction({ schema }, handler)(
      { status: "idle" },
      form({ name: "ok", count: "1" }),
    );
    expect(result).toMatchObject({
      status: "error",
      code: "unauthorized",
      message: expect.stringContaining("session has ended"),
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("validates and coerces FormData before the handler sees it", async () => {
    const action = defineAction({ schema }, handler);
    const bad = await action({ status: "idle" }, form({ name: "x", count: "abc" }));
    expect(bad).toMatchObject({
      status: "error",
      code: "bad_request",
      fieldErrors: { name: ["Too short."] },
    });
    expect(handler).not.toHaveBeenCalled();
    const good = await action({ status: "idle" }, form({ name: "okay", count: "21" }));
    expect(good).toEqual({ status: "success", data: 42 });
    expect(handler).toHaveBeenCalledWith(
      { name: "okay", count: 21 },
      { caller: { ...alice, auth: { type: "session" } }, ip: "203.0.113.9" },
    );
  });

  it("enforces admin access", async () => {
    const result = await defineAction({ schema, access: "admin" }, handler)(
      { status: "idle" },
      form({ name: "ok", count: "1" }),
    );
    expect(result).toMatchObject({ status: "error", code: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns AppErrors into results and hides unexpected errors", async () => {
    const conflict = defineAction({ schema }, () =>
      Promise.reject(new AppError("conflict", "Already taken.")),
    );
    expect(await conflict({ status: "idle" }, { name: "ok", count: 1 })).toMatchObject({
      code: "conflict",
      message: "Already taken.",
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crash = defineAction({ schema }, () =>
      Promise.reject(new Error("SQLITE_CORRUPT at /secret/path")),
    );
    const result = await crash({ status: "idle" }, { name: "ok", count: 1 });
    expect(result).toMatchObject({ status: "error", code: "internal" });
    expect(JSON.stringify(result)).not.toContain("secret");
    spy.mockRestore();
  });

  describe("in the visitor's language", () => {
    it("gives a zh user Chinese field errors from a real action, and an en user English ones", async () => {
      session.locale = "zh";
      const zh = await createOrgAction(
        { status: "idle" },
        form({ name: "a", displayName: "x".repeat(65) }),
      );
      expect(zh).toEqual({
        status: "error",
        code: "bad_request",
        message: "请更正标出的字段。",
        fieldErrors: { name: ["至少需要 2 个字符。"], displayName: ["最多 64 个字符。"] },
      });
      session.locale = "en";
      const en = await createOrgAction({ status: "idle" }, form({ name: "a" }));
      expect(en).toMatchObject({
        message: "Please correct the highlighted fields.",
        fieldErrors: { name: ["Use at least 2 characters."] },
      });
    });

    it("localizes zod's defaults but keeps a schema author's own words", async () => {
      session.locale = "zh";
      const result = await defineAction({ schema }, handler)(
        { status: "idle" },
        form({ name: "x", count: "abc" }),
      );
      expect(result).toMatchObject({
        fieldErrors: { name: ["Too short."], count: ["请输入数字。"] },
      });
      session.locale = "en";
      // A missing count is coerced to NaN, which zod reports as the wrong type.
      const missing = await defineAction({ schema }, handler)(
        { status: "idle" },
        form({ name: "okay" }),
      );
      expect(missing).toMatchObject({ fieldErrors: { count: ["Enter a number."] } });
    });

    it("shows a zh user the generic sentence for an AppError's code or reason, with the English as detail", async () => {
      session.locale = "zh";
      const conflict = defineAction({ schema }, () =>
        Promise.reject(new AppError("conflict", "Already taken.")),
      );
      expect(await conflict({ status: "idle" }, { name: "ok", count: 1 })).toEqual({
        status: "error",
        code: "conflict",
        message: "与已有内容冲突，或内容刚被修改。",
        detail: "Already taken.",
      });
      const folder = defineAction({ schema }, () =>
        Promise.reject(new AppError("bad_request", "x is a file.", { reason: "not_a_folder" })),
      );
      expect(await folder({ status: "idle" }, { name: "ok", count: 1 })).toMatchObject({
        reason: "not_a_folder",
        message: "该路径是文件，不是文件夹。",
      });
      session.user = null;
      expect(await conflict({ status: "idle" }, { name: "ok", count: 1 })).toMatchObject({
        code: "unauthorized",
        message: "登录已过期，请重新登录后继续。",
      });
    });

    it("hides an unexpected error's text in every language", async () => {
      session.locale = "zh";
      const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const result = await defineAction({ schema }, () =>
        Promise.reject(new Error("SQLITE_CORRUPT at /secret/path")),
      )({ status: "idle" }, { name: "ok", count: 1 });
      spy.mockRestore();
      // The English fallback says no more than the generic sentence, so there is no detail.
      expect(result).toEqual({ status: "error", code: "internal", message: "服务器出错了。" });
    });
  });
});
