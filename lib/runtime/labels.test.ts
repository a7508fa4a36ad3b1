import { describe, expect, it } from "vitest";

import { formatLabels, labelProblem, missingLabels, parseLabelList } from "./labels";

describe("runner labels", () => {
  it("parses a list with spaces around items", () => {
    expect(parseLabelList(" hardware=npu, npu=910b ,")).toEqual({
      labels: { hardware: "npu", npu: "910b" },
    });
  });

  it("names the item that is not key=value", () => {
    expect(parseLabelList("hardware=npu,gpu")).toEqual({
      problem: 'Write labels as key=value; "gpu" is not.',
    });
  });

  it("refuses keys and values outside the grammar, naming them", () => {
    expect(labelProblem({ Hardware: "npu" })).toMatch(/Label keys .* Got "Hardware"\./);
    expect(labelProblem({ hardware: "n p u" })).toMatch(/Label values .* Got "n p u"\./);
    expect(parseLabelList("a=-x")).toEqual({ problem: expect.stringMatching(/Label values/) });
  });

  it("refuses more than 32 labels", () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, "v"]));
    expect(labelProblem(many)).toBe("Use at most 32 labels.");
  });

  it("formats and compares label sets", () => {
    expect(formatLabels({ hardware: "npu", npu: "910b" })).toBe("hardware=npu, npu=910b");
    expect(
      missingLabels({ hardware: "npu", npu: "910b" }, { hardware: "npu", npu: "310p" }),
    ).toEqual(["npu=910b"]);
  });
});
