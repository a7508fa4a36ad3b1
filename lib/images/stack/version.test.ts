import { describe, expect, it } from "vitest";

import { compareVersionKeys, compareVersions, sortVersions } from "./version";

describe("compareVersions", () => {
  it.each([
    // CANN: alphas and betas of an RC, RCs before the x.y.0 release, then the next minor.
    ["8.0.rc3.alpha002", "8.0.rc3.beta1"],
    ["8.0.rc3.beta1", "8.0.rc3"],
    ["8.0.rc1.beta1", "8.0.rc2.beta1"],
    ["8.0.rc2.beta1", "8.0.rc3.alpha002"],
    ["8.0.rc3", "8.0.0"],
    ["7.0.1.beta1", "8.0.rc1.beta1"],
    ["8.0.0", "8.1.rc1"],
    ["9.0.0-beta.1", "9.0.0"],
    // PEP 440 pre- and post-releases.
    ["2.3.0rc1", "2.3.0"],
    ["2.3.0", "2.3.1"],
    ["2.1.0", "2.1.0.post6"],
    ["2.1.0.post6", "2.1.0.post10"],
    ["2.1.0.post10", "2.1.1"],
    // Numbers compare as numbers.
    ["3.9", "3.10"],
    ["0.9.1", "1.0.0"],
    ["0.8.0", "0.9.1"],
  ])("%s < %s", (older, newer) => {
    expect(compareVersions(older, newer)).toBeLessThan(0);
    expect(compareVersions(newer, older)).toBeGreaterThan(0);
  });

  it("treats missing trailing zeros and letter case as equal", () => {
    expect(compareVersions("2.3", "2.3.0")).toBe(0);
    expect(compareVersions("8.0.RC1", "8.0.rc1")).toBe(0);
  });

  it("sorts distinct versions oldest first", () => {
    expect(sortVersions(["2.3.1", "2.3.0rc1", "2.4.0", "2.3.1"])).toEqual([
      "2.3.0rc1",
      "2.3.1",
      "2.4.0",
    ]);
    expect(sortVersions(["3.10", "3.8", "3.9", "3.11"])).toEqual(["3.8", "3.9", "3.10", "3.11"]);
  });

  it("compares keys element by element, missing versions lowest", () => {
    expect(compareVersionKeys(["0.8.0", "2.1.0"], ["0.7.1", "2.4.0"])).toBeGreaterThan(0);
    expect(compareVersionKeys(["0.8.0", null], ["0.8.0", "8.0.rc1.beta1"])).toBeLessThan(0);
    expect(compareVersionKeys(["0.8.0", "3.9"], ["0.8.0", "3.9"])).toBe(0);
  });
});
