import { describe, expect, it } from "vitest";

import { parseByteRange } from "./byte-range";

describe("parseByteRange", () => {
  it.each([
    ["bytes=0-9", 100, { start: 0, end: 9 }],
    ["bytes=90-", 100, { start: 90, end: 99 }],
    ["bytes=-10", 100, { start: 90, end: 99 }],
    ["bytes=-500", 100, { start: 0, end: 99 }],
    ["bytes=50-500", 100, { start: 50, end: 99 }],
  ])("%s of %i bytes", (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });

  it.each([
    ["bytes=100-", 100],
    ["bytes=20-10", 100],
    ["bytes=-0", 100],
    ["bytes=0-0", 0],
  ])("%s of %i bytes is unsatisfiable", (header, size) => {
    expect(parseByteRange(header, size)).toBe("unsatisfiable");
  });

  it.each([null, "", "items=0-1", "bytes=0-1,5-6", "bytes=-", "bytes=a-b"])(
    "ignores %s",
    (header) => {
      expect(parseByteRange(header, 100)).toBeNull();
    },
  );
});
