import { describe, expect, it } from "vitest";

import { completeUtf8Length } from "./log-stream";

describe("cutting log chunks at character boundaries", () => {
  const bytes = Buffer.from("aé€😀"); // 1 + 2 + 3 + 4 bytes

  it.each([
    [1, 1],
    [2, 1], // first byte of é
    [3, 3],
    [4, 3],
    [5, 3], // two of €'s three bytes
    [6, 6],
    [9, 6], // three of 😀's four bytes
    [10, 10],
  ])("keeps %i bytes as %i", (cut, expected) => {
    expect(completeUtf8Length(bytes.subarray(0, cut))).toBe(expected);
  });

  it("leaves plain ASCII alone", () => {
    expect(completeUtf8Length(Buffer.from("hello"))).toBe(5);
    expect(completeUtf8Length(Buffer.alloc(0))).toBe(0);
  });
});
