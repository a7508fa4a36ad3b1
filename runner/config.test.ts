import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { ConfigFileError, readRunnerConfig, writeRunnerConfig, type RunnerConfig } from "./config";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-runner-config-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base: RunnerConfig = {
  url: "http://hub.test",
  id: 1,
  name: "r1",
  token: "strrun_x",
  labels: { hardware: "cpu" },
  executor: "shell",
  concurrency: 1,
  npu: { chip: null, devices: [] },
  shutdownGraceSeconds: 30,
  pollSeconds: 30,
};

function roundTrip(config: unknown): RunnerConfig {
  const file = path.join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
  writeRunnerConfig(file, config as RunnerConfig);
  return readRunnerConfig(file);
}

describe("the runner config file", () => {
  it("keeps the shell executor's user and limits", () => {
    const shell = { user: "ci-jobs", limits: { openFiles: 1024 } };
    expect(roundTrip({ ...base, shell }).shell).toEqual(shell);
  });

  it.each([
    [{ user: "" }, /shell.user is a user name or "none"/],
    [{ user: 0 }, /shell.user is a user name or "none"/],
    [{ limits: { openFiles: -1 } }, /shell.limits.openFiles must be a positive whole number/],
    [{ limits: { nice: 5 } }, /Unknown shell limit "nice"/],
  ])("refuses shell settings %j", (shell, message) => {
    expect(() => roundTrip({ ...base, shell })).toThrow(ConfigFileError);
    expect(() => roundTrip({ ...base, shell })).toThrow(message);
  });

  it("keeps the service settings and refuses bad ones", () => {
    const services = { advertiseHost: "10.0.0.5", servicePorts: "30000-30099" };
    expect(roundTrip({ ...base, ...services })).toMatchObject(services);
    for (const [bad, message] of [
      [{ servicePorts: "80-90" }, /servicePorts is a range of ports from 1024/],
      [{ servicePorts: "30100-30000" }, /servicePorts is a range of ports from 1024/],
      [{ advertiseHost: "http://x/" }, /advertiseHost is a host name or IP address/],
      [{ serviceReadySeconds: -1 }, /serviceReadySeconds is a whole number/],
    ] as const) {
      expect(() => roundTrip({ ...base, ...bad })).toThrow(message);
    }
  });
});
