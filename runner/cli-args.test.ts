import { describe, expect, it } from "vitest";

import { hostArchLabel } from "../lib/runtime/labels";
import { parseRegisterArgs, parseRunArgs, UsageError, withDefaultLabels } from "./cli-args";

const base = [
  "--url",
  "http://hub:3000/",
  "--token",
  "strreg_x",
  "--name",
  "ascend-01",
  "--executor",
  "docker",
];

describe("runner command line", () => {
  it("parses a registration with NPUs and fills in the routing labels", () => {
    const args = parseRegisterArgs([
      ...base,
      "--labels",
      "arch=arm64,cann=8.0",
      "--npus",
      "0,1,2,3",
      "--npu-chip",
      "910b",
      "--concurrency",
      "2",
    ]);
    expect(args).toMatchObject({
      url: "http://hub:3000",
      npus: [0, 1, 2, 3],
      npuChip: "910b",
      concurrency: 2,
    });
    expect(withDefaultLabels(args)).toEqual({
      executor: "docker",
      hardware: "npu",
      npu: "910b",
      builder: "docker",
      arch: "arm64",
      cann: "8.0",
    });
  });

  it("lets explicit labels win over the defaults", () => {
    const args = parseRegisterArgs([...base, "--labels", "hardware=cpu"]);
    expect(withDefaultLabels(args)).toEqual({
      executor: "docker",
      hardware: "cpu",
      builder: "docker",
      ...hostArchLabel(),
    });
  });

  it("labels the host's architecture in the registry's names", () => {
    expect(hostArchLabel("x64")).toEqual({ arch: "amd64" });
    expect(hostArchLabel("arm64")).toEqual({ arch: "arm64" });
    expect(hostArchLabel("mips")).toEqual({});
    expect(withDefaultLabels(parseRegisterArgs(base))).toHaveProperty("arch");
  });

  it("labels a shell runner with buildah as a builder, and one without as none", () => {
    const shell = [...base.slice(0, -1), "shell"];
    const withBuildah = parseRegisterArgs([...shell, "--builder", "buildah"]);
    expect(withDefaultLabels(withBuildah)).toMatchObject({ executor: "shell", builder: "buildah" });
    const without = parseRegisterArgs([...shell, "--builder", "none"]);
    expect(withDefaultLabels(without)).not.toHaveProperty("builder");
  });

  it.each([
    [["--url", "http://x", "--token", "t", "--name", "n"], "--executor is required."],
    [[...base, "--executor", "podman"], "--executor is shell or docker."],
    [[...base, "--npus", "0,x"], '--npus takes device numbers such as 0,1,2,3; got "0,x".'],
    [[...base, "--npus", "0,1"], "With --npus, give the chip too: --npu-chip 910b."],
    [[...base, "--labels", "gpu"], 'Write labels as key=value; "gpu" is not.'],
    [[...base, "--concurrency", "0"], "--concurrency is a number from 1 to 64."],
    [[...base, "--builder", "buildah"], "--builder with --executor docker is docker or none."],
  ])("refuses %j", (argv, message) => {
    expect(() => parseRegisterArgs(argv)).toThrow(new UsageError(message));
  });

  it("reports unknown options as usage errors", () => {
    expect(() => parseRunArgs(["--bogus"])).toThrow(UsageError);
    expect(parseRunArgs(["--config", "/etc/r.json"])).toEqual({
      config: "/etc/r.json",
      exitWithParent: false,
    });
  });
});
