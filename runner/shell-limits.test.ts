import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { defaultShellLimits, limitsPrologue, parseShellLimits } from "./shell-limits";

describe("shell job limits", () => {
  it("merges a config's limits over the defaults", () => {
    expect(parseShellLimits(undefined)).toEqual(defaultShellLimits);
    expect(parseShellLimits({ openFiles: 1024, cpuSeconds: 3600 })).toEqual({
      ...defaultShellLimits,
      openFiles: 1024,
      cpuSeconds: 3600,
    });
    expect(parseShellLimits({ cpuSeconds: null }).cpuSeconds).toBeNull();
  });

  it.each([
    [{ memory: 1 }, /Unknown shell limit "memory"/],
    [{ openFiles: 0 }, /openFiles must be a positive whole number/],
    [{ processes: 2.5 }, /processes must be a positive whole number/],
    [{ fileSizeMb: "1" }, /fileSizeMb must be a positive whole number/],
    [[1], /must be an object/],
  ])("refuses %j", (raw, message) => {
    expect(() => parseShellLimits(raw)).toThrow(message);
  });

  it("lowers a limit to the runner's own hard limit instead of failing", () => {
    const prologue = limitsPrologue({ ...defaultShellLimits, openFiles: 4096 }, 60);
    const out = execFileSync("bash", ["-c", `ulimit -n 100\n${prologue}\nulimit -n`], {
      encoding: "utf8",
    });
    expect(out.trim()).toBe("100");
  });
});
