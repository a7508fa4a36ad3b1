import { describe, expect, it } from "vitest";

import { jobSpecSchema } from "./protocol-schemas";

const service = { type: "service", script: "python3 -m http.server $PORT", port: 8080 };

describe("the service step in a job spec", () => {
  it("is accepted as the last step", () => {
    const spec = { steps: [{ type: "script", script: "pip install x" }, service] };
    expect(jobSpecSchema.safeParse(spec).success).toBe(true);
  });

  it("is rejected anywhere but last, saying why", () => {
    const result = jobSpecSchema.safeParse({
      steps: [service, { type: "script", script: "echo after" }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "A service step runs until the job is stopped, so it must be the last step.",
    );
  });

  it("needs a port from 1 to 65535 and a readyPath starting with '/'", () => {
    const parse = (step: Record<string, unknown>) =>
      jobSpecSchema.safeParse({ steps: [{ ...service, ...step }] }).success;
    expect(parse({ port: 0 })).toBe(false);
    expect(parse({ port: 65536 })).toBe(false);
    expect(parse({ port: 80.5 })).toBe(false);
    expect(parse({ readyPath: "health" })).toBe(false);
    expect(parse({ port: 65535, readyPath: "/health?full=1" })).toBe(true);
  });
});
