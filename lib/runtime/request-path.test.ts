import { describe, expect, it } from "vitest";

import { hasMalformedPathEscape } from "./request-path.mjs";

describe("hasMalformedPathEscape", () => {
  it("finds escapes in the path that do not decode to UTF-8", () => {
    expect(hasMalformedPathEscape("/models/a/b/tree/main/%E0%A4%A")).toBe(true);
    expect(hasMalformedPathEscape("/%E0%A4%A")).toBe(true);
    expect(hasMalformedPathEscape("/x/%zz")).toBe(true);
    expect(hasMalformedPathEscape("/x/%")).toBe(true);
    expect(hasMalformedPathEscape("/x/%C0%AF")).toBe(true);
  });

  it("accepts well-formed paths, whatever they decode to, and ignores the query", () => {
    expect(hasMalformedPathEscape("/models/a/b/tree/main/..%2Fx")).toBe(false);
    expect(hasMalformedPathEscape("/models/a/b/blob/main/%E0%A4%A4.txt")).toBe(false);
    expect(hasMalformedPathEscape("/models?search=%E0%A4%A")).toBe(false);
    expect(hasMalformedPathEscape("/")).toBe(false);
    expect(hasMalformedPathEscape(undefined)).toBe(false);
  });
});
