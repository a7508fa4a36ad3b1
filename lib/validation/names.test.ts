import { describe, expect, it } from "vitest";

import { ownerNameSchema, passwordSchema } from "./names";

describe("owner names", () => {
  it.each(["ab", "Alice", "a.b-c_d", "x1", "a".repeat(39), "openmind", "base_image"])(
    "accepts %s",
    (name) => expect(ownerNameSchema.safeParse(name).success).toBe(true),
  );

  it.each([
    ["a", "at least 2"],
    ["a".repeat(40), "at most 39"],
    ["1abc", "Start with a letter"],
    ["-abc", "Start with a letter"],
    ["ab c", "only letters"],
    ["ab/c", "only letters"],
    ["ab..c", "two of"],
    ["abc-", "End with"],
    ["models", "reserved"],
    ["Settings", "reserved"],
    ["API", "reserved"],
    ["v2", "reserved"],
  ])("refuses %s (%s)", (name, message) => {
    const result = ownerNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });
});

describe("passwords", () => {
  it("accepts a reasonable password", () => {
    expect(passwordSchema.safeParse("correct horse battery").success).toBe(true);
  });
  it.each(["short", "password123", "aaaaaaaaaaaa", "x".repeat(129)])("refuses %s", (p) => {
    expect(passwordSchema.safeParse(p).success).toBe(false);
  });
});
