import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { parseRegisterArgs } from "@/runner/cli-args";

import { registerCommand, shellWord } from "./register-command";

/** What a shell would pass to `npm run runner --` (hostname expanded, quotes removed). */
function argvOf(command: string): string[] {
  const rest = command.replace(/^npm run runner -- /, "");
  const out = execFileSync("bash", ["-c", `printf '%s\\0' ${rest}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

describe("the runner registration command", () => {
  it("has everything `register` requires, and the runner CLI accepts it", () => {
    const command = registerCommand({
      url: "https://hub.example.com",
      token: "strreg_abc-DEF_123",
      executor: "shell",
    });
    expect(command).toBe(
      'npm run runner -- register --url https://hub.example.com --token strreg_abc-DEF_123 --name "$(hostname)" --executor shell',
    );
    const args = parseRegisterArgs(argvOf(command).slice(1));
    expect(args).toMatchObject({
      url: "https://hub.example.com",
      token: "strreg_abc-DEF_123",
      executor: "shell",
    });
    expect(args.name).toBe(execFileSync("hostname", { encoding: "utf8" }).trim());
  });

  it("adds the NPU devices and chip for an NPU runner", () => {
    const command = registerCommand({
      url: "http://10.0.0.5:3000",
      token: "strreg_x",
      executor: "docker",
      npus: { devices: [0, 1, 2, 3], chip: "910b" },
    });
    expect(parseRegisterArgs(argvOf(command).slice(1))).toMatchObject({
      executor: "docker",
      npus: [0, 1, 2, 3],
      npuChip: "910b",
    });
  });

  it("quotes what a shell would otherwise interpret", () => {
    expect(shellWord("plain-word_1.2")).toBe("plain-word_1.2");
    expect(shellWord("a b")).toBe("'a b'");
    expect(shellWord("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(argvOf(`x ${shellWord("it's $HOME;")}`)).toEqual(["x", "it's $HOME;"]);
  });
});
