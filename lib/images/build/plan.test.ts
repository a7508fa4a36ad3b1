import { describe, expect, it } from "vitest";

import { planBuild, PlanError, type PlanStep, type RecordedBuilds } from "./plan";
import { buildStack, stackFromJson, type StackFile } from "./stack-source";

const none: RecordedBuilds = () => null;

/** Records every built step of a plan as pushed with a made-up digest, as a finished run would. */
function record(steps: PlanStep[]): RecordedBuilds {
  const built = new Map(
    steps.map((s, i) => [
      `${s.image}|${s.arch}|${s.cacheKey}`,
      `sha256:${String(i).padStart(64, "0")}`,
    ]),
  );
  return (image, arch, key) => built.get(`${image}|${arch}|${key}`) ?? null;
}

/** Plans again and again, each time recording what the last run "built", until nothing is built. */
function settle(stack: ReturnType<typeof stackFromJson>, recorded: RecordedBuilds): RecordedBuilds {
  let current = recorded;
  for (let i = 0; i < 10; i++) {
    const steps = planBuild({ stack, selection: { kind: "all" }, recorded: current });
    if (steps.every((s) => s.action === "reuse")) return current;
    const previous = current;
    const fresh = record(steps);
    current = (image, arch, key) => previous(image, arch, key) ?? fresh(image, arch, key);
  }
  throw new Error("the plan never settles");
}

function tinyStack(versions: { a?: string; b?: string } = {}): StackFile {
  return {
    nodes: [
      {
        repository: "base",
        tag: "1",
        arches: ["amd64", "arm64"],
        from: "busybox:1",
        dockerfile: "RUN echo base > /base",
      },
      {
        repository: "mid",
        tag: "a",
        parent: "base:1",
        arches: ["amd64", "arm64"],
        dockerfile: `RUN echo ${versions.a ?? "1"} > /a`,
      },
      {
        repository: "top",
        tag: "a-x",
        aliases: ["latest"],
        parent: "mid:a",
        arches: ["amd64", "arm64"],
        dockerfile: "RUN echo x > /x",
      },
      {
        repository: "mid",
        tag: "b",
        parent: "base:1",
        arches: ["amd64"],
        dockerfile: `RUN echo ${versions.b ?? "1"} > /b`,
      },
    ],
  };
}

describe("the build plan over the real matrix", () => {
  const stack = buildStack(null);
  const steps = planBuild({ stack, selection: { kind: "all" }, recorded: none });

  it("puts every step after its parent's step for the same arch, without cycles", () => {
    expect(steps.length).toBeGreaterThan(stack.nodes.length);
    const seen = new Set<string>();
    for (const s of steps) {
      if (s.parent !== null) expect(seen.has(`${s.parent}|${s.arch}`), s.image).toBe(true);
      else expect(s.from).toMatch(/^(ubuntu|openeuler\/openeuler):/);
      seen.add(`${s.image}|${s.arch}`);
    }
    expect(seen.size).toBe(steps.length);
  });

  it("gives the same keys on every run and a new key when a Dockerfile changes", () => {
    const again = planBuild({ stack, selection: { kind: "all" }, recorded: none });
    expect(again.map((s) => s.cacheKey)).toEqual(steps.map((s) => s.cacheKey));
    expect(new Set(steps.map((s) => `${s.cacheKey}|${s.arch}`)).size).toBe(steps.length);
    const changed = planBuild({
      stack: { ...stack, dockerfile: (n, from) => `${stack.dockerfile(n, from)}# changed\n` },
      selection: { kind: "all" },
      recorded: none,
    });
    changed.forEach((s, i) => expect(s.cacheKey).not.toBe(steps[i]!.cacheKey));
  });

  it("plans one tag with its ancestors, bottom-up, per arch", () => {
    const plan = planBuild({
      stack,
      selection: {
        kind: "tag",
        image:
          "base_image/openmind:openeuler-python3.9-cann8.0.rc2.beta1-pytorch2.1.0-openmind0.8.0",
      },
      recorded: none,
    });
    expect(plan.map((s) => `${s.image.split(":")[0]} ${s.arch}`)).toEqual([
      "base_image/python arm64",
      "base_image/cann arm64",
      "base_image/pytorch arm64",
      "base_image/openmind arm64",
    ]);
    expect(plan[0]!.from).toBe("openeuler/openeuler:22.03");
  });

  it("refuses a tag that is not in the stack", () => {
    expect(() =>
      planBuild({ stack, selection: { kind: "tag", image: "cann:nope" }, recorded: none }),
    ).toThrow(PlanError);
  });
});

describe("the build plan of a small stack", () => {
  it("expands a subtree with its ancestors and only the arches asked for", () => {
    const stack = stackFromJson(tinyStack());
    const plan = planBuild({
      stack,
      selection: { kind: "under", image: "mid:a" },
      arches: ["arm64"],
      recorded: none,
    });
    expect(plan.map((s) => [s.image, s.arch, s.parent, s.action])).toEqual([
      ["base_image/base:1", "arm64", null, "build"],
      ["base_image/mid:a", "arm64", "base_image/base:1", "build"],
      ["base_image/top:a-x", "arm64", "base_image/mid:a", "build"],
    ]);
  });

  it("reuses everything once built, and rebuilds a changed node and its descendants only", () => {
    const recorded = settle(stackFromJson(tinyStack()), none);
    const changed = planBuild({
      stack: stackFromJson(tinyStack({ a: "2" })),
      selection: { kind: "all" },
      recorded,
    });
    expect(changed.filter((s) => s.action === "build").map((s) => `${s.image} ${s.arch}`)).toEqual([
      "base_image/mid:a amd64",
      "base_image/mid:a arm64",
      "base_image/top:a-x amd64",
      "base_image/top:a-x arm64",
    ]);
    expect(changed.find((s) => s.image === "base_image/mid:b")!.action).toBe("reuse");
  });

  it("refuses a stack whose parent comes after its child", () => {
    const file = tinyStack();
    file.nodes.reverse();
    expect(() => stackFromJson(file)).toThrow(/must come before/);
  });
});
