// Client-safe: the compatibility rules between the variables of the stack. Each rule has an id (so a
// UI or CLI can refer to it), a human explanation, and a check that names the exact conflict.
// The facts behind them are in spec.ts, with their sources.
import type { ImageArch } from "@/db/schema/image-enums";

import {
  findCannRelease,
  findFrameworkRelease,
  findOpenmindRelease,
  findOsRelease,
  findPython,
  frameworkLabels,
  openmindArches,
  openmindOs,
  stackArches,
  type MindsporeRelease,
} from "./spec";
import { osLabels, type StackConfig } from "./stack";

export type Rule = {
  id: string;
  title: string;
  explanation: string;
  /** Null when the configuration satisfies the rule (or the rule does not apply to it). */
  check: (c: StackConfig) => string | null;
};

export type Violation = { rule: string; message: string };

const list = (values: string[]) => (values.length ? values.join(", ") : "none");
const cannLabel = (v: string) => `CANN ${v}`;
const cannOf = (c: StackConfig) => (c.cann === null ? undefined : findCannRelease(c.cann));

export const rules: readonly Rule[] = [
  {
    id: "known-version",
    title: "Known versions",
    explanation: "Every version in an image must be one the stack spec knows how to build.",
    check: (c) => {
      if (!findOsRelease(c.os, c.osVersion))
        return `${osLabels[c.os]} ${c.osVersion} is not an OS release of the stack`;
      if (!findPython(c.python)) return `Python ${c.python} is not a Python release of the stack`;
      if (c.cann !== null && !findCannRelease(c.cann))
        return `${cannLabel(c.cann)} is not a CANN release of the stack`;
      for (const f of c.frameworks) {
        if (!findFrameworkRelease(f.name, f.version))
          return `${frameworkLabels[f.name]} ${f.version} is not in the stack spec`;
      }
      if (c.openmind !== null && !findOpenmindRelease(c.openmind))
        return `openMind ${c.openmind} is not in the stack spec`;
      return null;
    },
  },
  {
    id: "npu-needs-cann",
    title: "NPU images carry CANN, CPU images do not",
    explanation:
      "An NPU image is built on a CANN layer; a CPU image has no CANN layer and runs without an NPU.",
    check: (c) =>
      (c.hardware === "npu") === (c.cann !== null)
        ? null
        : `a ${c.hardware.toUpperCase()} image ${c.cann ? "cannot" : "must"} have a CANN layer`,
  },
  {
    id: "cann-naming",
    title: "Tag forms of CANN releases",
    explanation:
      "Layered (openMind-style) tags exist only for the CANN releases published that way; framework and openMind images build only on those. Newer releases are published in the Ascend form ({cann}-{chip}-{os}{osver}-py{py}).",
    check: (c) => {
      const release = cannOf(c);
      if (!release) return null;
      if (c.layered && !release.layered)
        return `${cannLabel(c.cann ?? "")} is published only in the Ascend form, not under layered tags`;
      if (!c.layered && release.ascendName === null)
        return `${cannLabel(c.cann ?? "")} is not published in the Ascend form`;
      if (!c.layered && c.image === "cann" && c.cann !== release.ascendName) {
        return `the Ascend form spells this release ${release.ascendName}, not ${c.cann}`;
      }
      return null;
    },
  },
  {
    id: "cann-python",
    title: "CANN supports these Python versions",
    explanation: "Each CANN release installs into a limited range of Python versions.",
    check: (c) => {
      const release = cannOf(c);
      if (!release || release.python.includes(c.python)) return null;
      return `${cannLabel(c.cann ?? "")} supports Python ${list(release.python)}, not ${c.python}`;
    },
  },
  {
    id: "cann-os",
    title: "CANN is published for these OS releases",
    explanation: "Each CANN release is built on a few OS releases only.",
    check: (c) => {
      const release = cannOf(c);
      const os = `${c.os}${c.osVersion}`;
      if (!release || release.os.includes(os)) return null;
      return `${cannLabel(c.cann ?? "")} is published for ${list(release.os)}, not ${os}`;
    },
  },
  {
    id: "cann-chip",
    title: "CANN ships operators for these chips",
    explanation:
      "The operator (kernels) package of a CANN release exists for specific Ascend chips.",
    check: (c) => {
      const release = cannOf(c);
      if (!release || c.chip === null || release.chips.includes(c.chip)) return null;
      return `${cannLabel(c.cann ?? "")} ships operators for ${list(release.chips)}, not ${c.chip}`;
    },
  },
  {
    id: "framework-python",
    title: "Frameworks support these Python versions",
    explanation: "PyTorch and MindSpore publish wheels for a range of Python versions per release.",
    check: (c) => {
      for (const f of c.frameworks) {
        const release = findFrameworkRelease(f.name, f.version);
        if (release && !release.python.includes(c.python)) {
          return `${frameworkLabels[f.name]} ${f.version} supports Python ${list(release.python)}, not ${c.python}`;
        }
      }
      return null;
    },
  },
  {
    id: "pytorch-cann",
    title: "torch_npu is built per CANN release",
    explanation:
      "PyTorch runs on the NPU through torch_npu, which is released for specific CANN releases.",
    check: (c) => {
      const f = c.frameworks.find((x) => x.name === "pytorch");
      const release = cannOf(c);
      if (
        !f ||
        !release ||
        !findFrameworkRelease("pytorch", f.version) ||
        release.torchNpu[f.version]
      )
        return null;
      return `no torch_npu for PyTorch ${f.version} on ${cannLabel(c.cann ?? "")} (it has torch_npu for PyTorch ${list(Object.keys(release.torchNpu))})`;
    },
  },
  {
    id: "mindspore-cann",
    title: "MindSpore needs its CANN release",
    explanation:
      "A MindSpore release is built against one CANN release line and needs it on the NPU.",
    check: (c) => {
      const f = c.frameworks.find((x) => x.name === "mindspore");
      const release = cannOf(c);
      const ms =
        f && (findFrameworkRelease("mindspore", f.version) as MindsporeRelease | undefined);
      if (!ms || !release || ms.cann.includes(release.version)) return null;
      return `MindSpore ${ms.version} needs ${list(ms.cann.map(cannLabel))}, not ${cannLabel(c.cann ?? "")}`;
    },
  },
  {
    id: "openmind-framework",
    title: "openMind supports these framework versions",
    explanation: "Each openMind release supports specific PyTorch and MindSpore versions.",
    check: (c) => {
      const om = c.openmind === null ? undefined : findOpenmindRelease(c.openmind);
      for (const f of om ? c.frameworks : []) {
        const supported = om!.frameworks[f.name];
        if (!supported.includes(f.version)) {
          return `openMind ${om!.version} supports ${frameworkLabels[f.name]} ${list(supported)}, not ${f.version}`;
        }
      }
      return null;
    },
  },
  {
    id: "openmind-python",
    title: "openMind images use the Python their release was validated with",
    explanation:
      "openMind images are built on the Python version their openMind release was validated with.",
    check: (c) => {
      const om = c.openmind === null ? undefined : findOpenmindRelease(c.openmind);
      if (!om || om.python.includes(c.python)) return null;
      return `openMind ${om.version} images use Python ${list(om.python)}, not ${c.python}`;
    },
  },
  {
    id: "openmind-cann",
    title: "openMind NPU images use the CANN their release was validated with",
    explanation:
      "openMind NPU images are built on the CANN release their openMind release was validated with.",
    check: (c) => {
      const om = c.openmind === null ? undefined : findOpenmindRelease(c.openmind);
      const release = cannOf(c);
      if (!om || !release || om.cann.includes(release.version)) return null;
      return `openMind ${om.version} images use ${list(om.cann.map(cannLabel))}, not ${cannLabel(c.cann ?? "")}`;
    },
  },
  {
    id: "openmind-os",
    title: "openMind images are openEuler-based",
    explanation: "Every published openMind image is built on openEuler.",
    check: (c) =>
      c.openmind === null || openmindOs.includes(c.os)
        ? null
        : `openMind images are built on ${list(openmindOs.map((o) => osLabels[o]))}, not ${osLabels[c.os]}`,
  },
  {
    id: "openmind-dual-npu",
    title: "Images with both frameworks are NPU images",
    explanation: "openMind images with both PyTorch and MindSpore are published for NPU only.",
    check: (c) =>
      c.frameworks.length > 1 && c.hardware === "cpu"
        ? "images with both PyTorch and MindSpore are published for NPU only"
        : null,
  },
];

export const ruleIds = rules.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}

/** Every rule the configuration breaks; empty when it is a valid image of the stack. */
export function checkCompatibility(config: StackConfig): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const message = rule.check(config);
    if (message) violations.push({ rule: rule.id, message });
  }
  return violations;
}

export function archesFor(config: StackConfig): ImageArch[] {
  return config.image === "openmind" ? [...openmindArches[config.hardware]] : [...stackArches];
}
