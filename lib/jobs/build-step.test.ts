import { describe, expect, it } from "vitest";

import { jobSpecSchema } from "./protocol-schemas";

const build = { type: "build", context: "src", tag: "hub.example.com/spaces/a/b:1", push: true };
const parse = (buildArgs: unknown) =>
  jobSpecSchema.safeParse({ steps: [{ ...build, buildArgs }] }).success;

describe("the build step's build args", () => {
  it("are optional, and name → value when given", () => {
    expect(jobSpecSchema.safeParse({ steps: [build] }).success).toBe(true);
    expect(parse({ MODEL_ID: "alice/llm", _X: "it's $HOME" })).toBe(true);
  });

  it("refuse names that are not NAME, and more than 256 of them", () => {
    expect(parse({ "A B": "x" })).toBe(false);
    expect(parse({ "1A": "x" })).toBe(false);
    expect(parse({ "A=B": "x" })).toBe(false);
    expect(parse({ A: 1 })).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`A${i}`, "x"]));
    expect(parse(many)).toBe(false);
  });
});
