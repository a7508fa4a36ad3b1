import { describe, expect, it } from "vitest";

import { pathText, segmentText } from "./params";

/** What `notFound()` throws: Next renders the 404 page for it. */
function notFoundThrown(work: () => unknown): boolean {
  try {
    work();
    return false;
  } catch (error) {
    return String((error as { digest?: unknown }).digest).endsWith(";404");
  }
}

describe("page params", () => {
  it("decode a segment, keeping a malformed escape as it is", () => {
    expect(segmentText("a%20b")).toBe("a b");
    expect(segmentText("%E0%A4%A")).toBe("%E0%A4%A");
  });

  it("join a catch-all path, the root as empty", () => {
    expect(pathText(undefined)).toBe("");
    expect(pathText(["dir", "a%2Fb.txt"])).toBe("dir/a/b.txt");
    expect(pathText(["%E0%A4%A4.md"])).toBe("\u0924.md");
  });

  it.each([
    [["..%2Fx"]],
    [["dir%2F..%2F..%2Fx"]],
    [[".git%2Fconfig"]],
    [["dir", ".GIT", "config"]],
    [["a%00b"]],
    [["a%5Cb"]],
    [["a%2F%2Fb"]],
  ])("answer a path no file can have (%j) with the not-found page", (segments) => {
    expect(notFoundThrown(() => pathText(segments))).toBe(true);
  });
});
