import { describe, expect, it } from "vitest";

import { explainWait, type RunnerCapacity } from "./wait-reason";

const runner = (overrides: Partial<RunnerCapacity>): RunnerCapacity => ({
  name: "r",
  online: true,
  labels: { hardware: "cpu" },
  capacity: 1,
  running: 0,
  npuTotal: 0,
  npuFree: 0,
  ...overrides,
});

describe("why a queued job waits", () => {
  it("names the label no online runner has", () => {
    expect(explainWait({ requiredLabels: { hardware: "npu" }, npuCount: 0 }, [runner({})])).toBe(
      "No online runner has hardware=npu.",
    );
  });

  it("mentions a matching runner that is offline", () => {
    const runners = [
      runner({}),
      runner({ name: "ascend-1", online: false, labels: { hardware: "npu" } }),
    ];
    expect(explainWait({ requiredLabels: { hardware: "npu" }, npuCount: 0 }, runners)).toBe(
      "No online runner has hardware=npu (runner ascend-1 matches but is offline).",
    );
  });

  it("says when labels exist only on different runners", () => {
    const runners = [
      runner({ labels: { hardware: "npu" } }),
      runner({ labels: { arch: "arm64" } }),
    ];
    expect(
      explainWait({ requiredLabels: { hardware: "npu", arch: "arm64" }, npuCount: 0 }, runners),
    ).toBe("No online runner has all of hardware=npu, arch=arm64.");
  });

  it("distinguishes no runners at all from none online", () => {
    expect(explainWait({ requiredLabels: {}, npuCount: 0 }, [])).toBe("No runner is registered.");
    expect(explainWait({ requiredLabels: {}, npuCount: 0 }, [runner({ online: false })])).toBe(
      "No runner is online.",
    );
  });

  it("says when all matching runners are busy", () => {
    expect(
      explainWait({ requiredLabels: { hardware: "cpu" }, npuCount: 0 }, [runner({ running: 1 })]),
    ).toBe("All matching runners are busy.");
  });

  it("explains NPU shortages", () => {
    const npu = { labels: { hardware: "npu" }, capacity: 4 };
    expect(
      explainWait({ requiredLabels: { hardware: "npu" }, npuCount: 4 }, [
        runner({ ...npu, npuTotal: 8, npuFree: 2, running: 1 }),
      ]),
    ).toBe("Needs 4 NPUs; the most free on a matching runner is 2.");
    expect(
      explainWait({ requiredLabels: { hardware: "npu" }, npuCount: 16 }, [
        runner({ ...npu, npuTotal: 8, npuFree: 8 }),
      ]),
    ).toBe("Needs 16 NPUs; the largest matching runner has 8.");
  });

  it("otherwise says it waits to be picked up", () => {
    expect(explainWait({ requiredLabels: { hardware: "cpu" }, npuCount: 0 }, [runner({})])).toBe(
      "Waiting for a matching runner to pick it up.",
    );
  });
});
