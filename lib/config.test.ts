import { describe, expect, it } from "vitest";

import { ConfigError, parseConfig as parseEnv } from "./config";

const parseConfig = (env: Record<string, string>) => parseEnv(env as NodeJS.ProcessEnv);

describe("parseConfig", () => {
  it("defaults the job lease and the runner poll", () => {
    expect(parseConfig({}).jobs).toEqual({ leaseSeconds: 120, pollSeconds: 30 });
    // An empty value counts as unset.
    expect(parseConfig({ STRATA_JOB_LEASE_SECONDS: "" }).jobs.leaseSeconds).toBe(120);
  });

  it("reads the job lease and the runner poll from the environment", () => {
    const config = parseConfig({ STRATA_JOB_LEASE_SECONDS: "6", STRATA_RUNNER_POLL_SECONDS: "2" });
    expect(config.jobs).toEqual({ leaseSeconds: 6, pollSeconds: 2 });
  });

  it("reads the embedded runner's extra labels, an image reference included", () => {
    expect(parseConfig({}).embeddedRunnerLabels).toEqual({});
    const labels = "image=base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";
    expect(parseConfig({ STRATA_EMBEDDED_RUNNER_LABELS: labels }).embeddedRunnerLabels).toEqual({
      image: "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0",
    });
  });

  it.each([
    ["STRATA_JOB_LEASE_SECONDS", "4"],
    ["STRATA_JOB_LEASE_SECONDS", "3601"],
    ["STRATA_JOB_LEASE_SECONDS", "ten"],
    ["STRATA_JOB_LEASE_SECONDS", "7.5"],
    ["STRATA_RUNNER_POLL_SECONDS", "0"],
    ["STRATA_RUNNER_POLL_SECONDS", "56"],
    ["STRATA_TRUSTED_PROXIES", "10.0.0.0/33"],
    ["STRATA_TRUSTED_PROXIES", "127.0.0.1, proxy.internal"],
    ["STRATA_EMBEDDED_RUNNER_LABELS", "image"],
    ["STRATA_EMBEDDED_RUNNER_LABELS", "image=base image"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(name);
  });
});
