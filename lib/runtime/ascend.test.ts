import { describe, expect, it } from "vitest";

import { ascendDeviceArgs, ascendDockerFlags } from "./ascend";

describe("Ascend container flags", () => {
  it("gives one davinci device per chip, then the shared devices and driver mounts", () => {
    const args = ascendDeviceArgs([2, 3]);
    expect(args.slice(0, 10)).toEqual([
      "--device", "/dev/davinci2",
      "--device", "/dev/davinci3",
      "--device", "/dev/davinci_manager",
      "--device", "/dev/devmm_svm",
      "--device", "/dev/hisi_hdc",
    ]); // prettier-ignore
    expect(args.filter((a) => a === "-v")).toHaveLength(5);
  });

  it("gives nothing to a container without chips", () => {
    expect(ascendDeviceArgs([])).toEqual([]);
  });

  it("pairs the same arguments into typed flags, chip 0 by default", () => {
    const flags = ascendDockerFlags();
    expect(flags[0]).toBe("--device /dev/davinci0");
    expect(flags).toHaveLength(ascendDeviceArgs([0]).length / 2);
  });
});
