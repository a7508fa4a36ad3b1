import { describe, expect, it } from "vitest";

import { jobSpecSchema } from "./protocol-schemas";

const step = { type: "python-env", key: "space-12", requirements: "src/requirements.txt" };
const parse = (change: Record<string, unknown>) =>
  jobSpecSchema.safeParse({ steps: [{ ...step, ...change }] }).success;

describe("the python-env step in a job spec", () => {
  it("names a plain key and a requirements file inside the work dir", () => {
    expect(parse({})).toBe(true);
    // The key names a dir on the runner: never a path, never another spelling of one.
    for (const key of ["../space-12", "space/12", "Space-12", ".hidden", ""]) {
      expect(parse({ key }), key).toBe(false);
    }
    for (const requirements of ["/etc/passwd", "../requirements.txt", "src/../../x"]) {
      expect(parse({ requirements }), requirements).toBe(false);
    }
  });
});
