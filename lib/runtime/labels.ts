// Runner labels (`hardware=npu,npu=910b`): parsed by the server (job and runner forms, the API)
// and by the runner agent's command line. Dependency-free so the runner can import it at run time.

export type Labels = Record<string, string>;

export const labelKeyPattern = /^[a-z0-9][a-z0-9._/-]{0,62}$/;
// Values may hold an image reference (`image=base_image/openmind:<tag>`, the environment a shell
// runner provides for model CI), hence ':' and '/' and the length.
export const labelValuePattern = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
export const maxLabels = 32;

export const labelMessages = {
  key: "Label keys are 1–63 lower-case letters, digits, '.', '_', '/' or '-', starting with a letter or digit.",
  value:
    "Label values are 1–128 letters, digits, '.', '_', ':', '/' or '-', starting with a letter or digit.",
  count: `Use at most ${maxLabels} labels.`,
  pair: (item: string) => `Write labels as key=value; "${item}" is not.`,
};

/** Why a label set is not valid, or null when it is. */
export function labelProblem(labels: Labels): string | null {
  const entries = Object.entries(labels);
  if (entries.length > maxLabels) return labelMessages.count;
  for (const [key, value] of entries) {
    if (!labelKeyPattern.test(key)) return `${labelMessages.key} Got "${key}".`;
    if (!labelValuePattern.test(value)) return `${labelMessages.value} Got "${value}".`;
  }
  return null;
}

/**
 * Parses `hardware=npu, npu=910b` into labels. Returns the labels or the reason they are not
 * valid, so each caller raises the error type its own interface uses.
 */
export function parseLabelList(text: string): { labels: Labels } | { problem: string } {
  const labels: Labels = {};
  for (const item of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = item.indexOf("=");
    if (eq <= 0) return { problem: labelMessages.pair(item) };
    labels[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  const problem = labelProblem(labels);
  return problem ? { problem } : { labels };
}

/**
 * A required label with this value is met by the key with any value (`builder=*`: any builder).
 * Only the server requires it; label lists people write cannot contain it (`labelValuePattern`).
 */
export const anyLabelValue = "*";

/** The label of runners that build images, with their builder as its value. */
export const builderLabel = "builder";

/**
 * The runner host's CPU architecture in the registry's words (`arch=amd64`), which image builds
 * route on: an image for arm64 must be built on an arm64 host.
 */
export function hostArchLabel(nodeArch: string = process.arch): Labels {
  const names: Record<string, string> = {
    x64: "amd64",
    arm64: "arm64",
    arm: "arm",
    ppc64: "ppc64le",
    s390x: "s390x",
    riscv64: "riscv64",
  };
  return names[nodeArch] ? { arch: names[nodeArch] } : {};
}

export function formatLabels(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/** The required labels the runner lacks (a different value counts as lacking). */
export function missingLabels(required: Labels, runner: Labels): string[] {
  return Object.entries(required)
    .filter(([key, value]) =>
      value === anyLabelValue ? runner[key] === undefined : runner[key] !== value,
    )
    .map(([key, value]) => `${key}=${value}`);
}
