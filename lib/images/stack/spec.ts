// Client-safe: the image stack spec. The variables of the layered images
// (OS → Python → CANN → AI framework → openMind, plus chip and arch) and the values each may take.
// The rules between them are in rules.ts; the tag grammar in tags.ts.
//
// Sources (see /shared/reference/openmind-platform.md):
//   [CAT]  modelers.cn image catalogue (RT image_center/data.json, 2024-09) — the published tags
//   [OMDF] openmerlin/dockerfile — the layered builder (arg.json, cann/cann.sh, pytorch/Dockerfile)
//   [CCI]  Ascend/cann-container-image — current CANN builder (matrix, tag rules, templates)
//   [PTA]  Ascend/pytorch README — torch_npu builds per CANN release, Python per PyTorch release
// Anything marked ASSUMPTION is not stated by a source; change it here when facts arrive.
import type { FrameworkName, ImageArch } from "@/db/schema/image-enums";

export const osNames = ["ubuntu", "openeuler"] as const;
export type OsName = (typeof osNames)[number];

export type OsRelease = {
  id: string;
  os: OsName;
  version: string;
  /** The upstream image the Python base layer starts FROM. */
  baseImage: string;
  packageManager: "apt" | "yum";
};

export const osReleases: readonly OsRelease[] = [
  {
    id: "ubuntu22.04",
    os: "ubuntu",
    version: "22.04",
    baseImage: "ubuntu:22.04",
    packageManager: "apt",
  },
  {
    id: "openeuler22.03",
    os: "openeuler",
    version: "22.03",
    baseImage: "openeuler/openeuler:22.03",
    packageManager: "yum",
  },
  // [CCI] 8.1.rc1 (910b) and the 9.0.1 matrix.
  {
    id: "openeuler24.03",
    os: "openeuler",
    version: "24.03",
    baseImage: "openeuler/openeuler:24.03",
    packageManager: "yum",
  },
];

/**
 * Layered (openMind-style) tags name only the OS, not its release, and no chip. [OMDF] arg.json
 * publishes `ubuntu-python3.8-cann8.0.rc1` as the same image as `8.0.rc1-910b-ubuntu22.04-py3.8`,
 * and `openeuler-…` as `…-910b-openeuler22.03-…`; the openMind NPU images are 910B builds [CAT].
 */
export const layeredOsVersion: Record<OsName, string> = { ubuntu: "22.04", openeuler: "22.03" };
export const layeredChip = "910b";

/** Python minor versions, each with the patch release the base layer compiles (pinned for reproducible builds). */
export const pythonReleases = [
  { version: "3.8", patch: "3.8.20" },
  { version: "3.9", patch: "3.9.21" },
  { version: "3.10", patch: "3.10.16" },
  { version: "3.11", patch: "3.11.11" },
  // [CCI] the 9.0.1 matrix builds Python 3.12.
  { version: "3.12", patch: "3.12.8" },
] as const;

export type Chip = {
  id: string;
  label: string;
  /** The chip's name in CANN package file names. */ packageName: string;
};

export const chips: readonly Chip[] = [
  { id: "910b", label: "Ascend 910B (Atlas A2)", packageName: "910b" },
  { id: "910", label: "Ascend 910", packageName: "910" },
  { id: "310p", label: "Ascend 310P", packageName: "310p" },
  // ASSUMPTION: package names of A3 and 950 follow the chip's name as [CCI] matrices spell it.
  { id: "a3", label: "Atlas A3", packageName: "A3" },
  { id: "950", label: "Ascend 950", packageName: "950" },
];

type CannPackages = {
  /** Directory on ascend-repo.obs.cn-east-2.myhuaweicloud.com (alpha builds live under Milan-ASL). */
  directory: string;
  /** The version as spelled in package file names. */
  fileVersion: string;
  /** `kernels`: Ascend-cann-kernels-<chip>_…; `ops`: Ascend-cann-<chip>-ops_… (newer releases). */
  operators: "kernels" | "ops";
  /** [OMDF] cann.sh: kernels packages carry the CPU arch only from 8.0.RC3 (GA) on. */
  archSpecificOperators: boolean;
  /** Whether the NNAL (ATB acceleration library) package is installed too. */
  nnal: boolean;
};

export type CannRelease = {
  /** The version as layered tags spell it (openMind keeps the beta suffix: `8.0.rc2.beta1`). */
  version: string;
  /** Other spellings of the same release in tags: the Ascend form drops beta suffixes [CCI], as did [OMDF]. */
  aliases: string[];
  /** Published under layered tags (`cann:{os}-python{py}-cann{ver}`), the only form framework images build on. */
  layered: boolean;
  /** Its name in the Ascend form (`{cann}-{chip}-{os}{osver}-py{py}`), null if never published that way. */
  ascendName: string | null;
  python: string[];
  chips: string[];
  os: string[];
  packages: CannPackages;
  /** torch_npu build for each PyTorch version this release supports [PTA]. */
  torchNpu: Record<string, string>;
};

const obs = (version: string) => `CANN/CANN%20${version}`;
const py38to310 = ["3.8", "3.9", "3.10"];
const py38to311 = ["3.8", "3.9", "3.10", "3.11"];
const layeredOs = ["ubuntu22.04", "openeuler22.03"];

/**
 * CANN releases. Python: what published tags use ([CAT]; [OMDF] builds 8.0.RC2 for 3.8–3.10),
 * widened to the range the release installs into — ASSUMPTION where no tag shows it: 3.8–3.10 up
 * to 8.0.RC2, 3.8–3.11 from 8.0.RC3. Chips: the layered releases were published for the 910B only.
 * Package directories and names follow [OMDF] cann.sh (beta releases live under their GA name;
 * alphas under a Milan-ASL build) and [CCI] templates (toolkit + ops + NNAL for newer releases).
 */
export const cannReleases: readonly CannRelease[] = [
  {
    // [CAT] python3.8 tags. ASSUMPTION: Python 3.9/3.10 as for CANN 7.0; torch_npu as the PTA 7.0.0 row.
    version: "7.0.1.beta1",
    aliases: ["7.0.1"],
    layered: true,
    ascendName: "7.0.1",
    python: py38to310,
    chips: ["910b"],
    os: layeredOs,
    packages: {
      directory: obs("7.0.1"),
      fileVersion: "7.0.1",
      operators: "kernels",
      archSpecificOperators: false,
      nnal: false,
    },
    torchNpu: { "2.1.0": "2.1.0" },
  },
  {
    version: "8.0.rc1.beta1",
    aliases: ["8.0.rc1"],
    layered: true,
    ascendName: "8.0.rc1",
    python: py38to310,
    chips: ["910b"],
    os: layeredOs,
    packages: {
      directory: obs("8.0.RC1"),
      fileVersion: "8.0.RC1",
      operators: "kernels",
      archSpecificOperators: false,
      nnal: false,
    },
    torchNpu: { "2.1.0": "2.1.0.post4", "2.2.0": "2.2.0" },
  },
  {
    version: "8.0.rc2.beta1",
    aliases: ["8.0.rc2"],
    layered: true,
    ascendName: "8.0.rc2",
    python: py38to310,
    chips: ["910b"],
    os: layeredOs,
    packages: {
      directory: obs("8.0.RC2"),
      fileVersion: "8.0.RC2",
      operators: "kernels",
      archSpecificOperators: false,
      nnal: false,
    },
    torchNpu: { "2.1.0": "2.1.0.post6", "2.2.0": "2.2.0.post2", "2.3.1": "2.3.1" },
  },
  {
    // [OMDF] cann.sh maps this alpha to its Milan-ASL build. PTA lists no torch_npu for it (ASSUMPTION: none).
    version: "8.0.rc3.alpha002",
    aliases: [],
    layered: true,
    ascendName: "8.0.rc3.alpha002",
    python: py38to311,
    chips: ["910b"],
    os: layeredOs,
    packages: {
      directory: "Milan-ASL/Milan-ASL%20V100R001C19SPC702",
      fileVersion: "8.0.RC3.alpha002",
      operators: "kernels",
      archSpecificOperators: false,
      nnal: false,
    },
    torchNpu: {},
  },
  {
    // [CAT] openMind 0.9.1 / 1.0.0 images use it with Python 3.10.
    version: "8.0.rc3.beta1",
    aliases: ["8.0.rc3"],
    layered: true,
    ascendName: "8.0.rc3",
    python: py38to311,
    chips: ["910b"],
    os: layeredOs,
    packages: {
      directory: obs("8.0.RC3"),
      fileVersion: "8.0.RC3",
      operators: "kernels",
      archSpecificOperators: true,
      nnal: false,
    },
    torchNpu: { "2.1.0": "2.1.0.post8", "2.3.1": "2.3.1.post2", "2.4.0": "2.4.0" },
  },
  {
    // [OMDF] layered `ubuntu-python3.10-cann8.0.0` next to `8.0.0-910b-ubuntu22.04-py3.10`, with NNAL.
    version: "8.0.0",
    aliases: [],
    layered: true,
    ascendName: "8.0.0",
    python: py38to311,
    chips: ["910b"],
    os: layeredOs,
    packages: {
      directory: obs("8.0.0"),
      fileVersion: "8.0.0",
      operators: "kernels",
      archSpecificOperators: true,
      nnal: true,
    },
    torchNpu: { "2.1.0": "2.1.0.post10", "2.3.1": "2.3.1.post4", "2.4.0": "2.4.0.post2" },
  },
  {
    // [CCI] cann_publish_version.json: chips a3/310p/910b, Python 3.10/3.11, openEuler 24.03 for 910b.
    version: "8.1.rc1",
    aliases: [],
    layered: false,
    ascendName: "8.1.rc1",
    python: ["3.10", "3.11"],
    chips: ["910b", "310p", "a3"],
    os: ["ubuntu22.04", "openeuler22.03", "openeuler24.03"],
    packages: {
      directory: obs("8.1.RC1"),
      fileVersion: "8.1.RC1",
      operators: "kernels",
      archSpecificOperators: true,
      nnal: true,
    },
    torchNpu: { "2.1.0": "2.1.0.post12", "2.3.1": "2.3.1.post6", "2.4.0": "2.4.0.post4" },
  },
  {
    // [CCI] build_cann_arg.json (current): five chips, Ubuntu 22.04 / openEuler 24.03, Python 3.10–3.12.
    version: "9.0.1",
    aliases: [],
    layered: false,
    ascendName: "9.0.1",
    python: ["3.10", "3.11", "3.12"],
    chips: ["910b", "910", "310p", "a3", "950"],
    os: ["ubuntu22.04", "openeuler24.03"],
    packages: {
      directory: obs("9.0.1"),
      fileVersion: "9.0.1",
      operators: "ops",
      archSpecificOperators: true,
      nnal: true,
    },
    torchNpu: {},
  },
];

export type PytorchRelease = {
  version: string;
  torchvision: string;
  torchaudio: string;
  python: string[];
};

/** [PTA] Python per PyTorch release; [OMDF] torchvision pairs (2.1.0 → 0.16.0, 2.2.0 → 0.17.0). */
export const pytorchReleases: readonly PytorchRelease[] = [
  { version: "2.1.0", torchvision: "0.16.0", torchaudio: "2.1.0", python: py38to311 },
  { version: "2.2.0", torchvision: "0.17.0", torchaudio: "2.2.0", python: py38to310 },
  { version: "2.3.1", torchvision: "0.18.1", torchaudio: "2.3.1", python: py38to311 },
  { version: "2.4.0", torchvision: "0.19.0", torchaudio: "2.4.0", python: py38to311 },
];

export type MindsporeRelease = { version: string; python: string[]; cann: string[] };

/**
 * MindSpore wheels are built against one CANN release line [CAT]: 2.3.0rc1 on 8.0.rc1.beta1, 2.3.1
 * on 8.0.rc2.beta1, 2.4.0 on 8.0.rc3 [OMDF, CAT]. ASSUMPTION: Python ranges from MindSpore's install
 * matrix (2.3: 3.8–3.10; 2.4: 3.9–3.11).
 */
export const mindsporeReleases: readonly MindsporeRelease[] = [
  { version: "2.3.0rc1", python: py38to310, cann: ["8.0.rc1.beta1"] },
  { version: "2.3.1", python: py38to310, cann: ["8.0.rc2.beta1"] },
  { version: "2.4.0", python: ["3.9", "3.10", "3.11"], cann: ["8.0.rc3.beta1"] },
];

export type OpenmindRelease = {
  version: string;
  frameworks: Record<FrameworkName, string[]>;
  /** The Python and CANN releases its images are built on (the versions it was validated with). */
  python: string[];
  cann: string[];
};

/** [CAT] every openMind tag, and the later ones cited in §9.2. ASSUMPTION: 0.9.1 has no MindSpore image. */
export const openmindReleases: readonly OpenmindRelease[] = [
  {
    version: "0.7.1",
    frameworks: { pytorch: ["2.1.0"], mindspore: ["2.3.0rc1"] },
    python: ["3.8"],
    cann: ["8.0.rc1.beta1"],
  },
  {
    version: "0.8.0",
    frameworks: { pytorch: ["2.1.0"], mindspore: ["2.3.1"] },
    python: ["3.9"],
    cann: ["8.0.rc2.beta1"],
  },
  {
    version: "0.9.1",
    frameworks: { pytorch: ["2.1.0"], mindspore: [] },
    python: ["3.10"],
    cann: ["8.0.rc3.beta1"],
  },
  {
    version: "1.0.0",
    frameworks: { pytorch: ["2.1.0"], mindspore: ["2.4.0"] },
    python: ["3.10"],
    cann: ["8.0.rc3.beta1"],
  },
];

/** [CAT] every openMind image is openEuler-based. */
export const openmindOs: OsName[] = ["openeuler"];

/** [OMDF] python, cann and framework images are built for both; [CAT] openMind NPU images arm64, CPU amd64. */
export const stackArches: readonly ImageArch[] = ["amd64", "arm64"];
export const openmindArches: Record<"cpu" | "npu", ImageArch[]> = {
  npu: ["arm64"],
  cpu: ["amd64"],
};

export function findOsRelease(os: string, version: string): OsRelease | undefined {
  return osReleases.find((r) => r.os === os && r.version === version);
}

/** A CANN release by any spelling a tag may use (`8.0.rc2.beta1`, `8.0.rc2`). */
export function findCannRelease(name: string): CannRelease | undefined {
  return cannReleases.find(
    (r) => r.version === name || r.ascendName === name || r.aliases.includes(name),
  );
}

export function findChip(id: string): Chip | undefined {
  return chips.find((c) => c.id === id);
}

export function findPython(version: string) {
  return pythonReleases.find((p) => p.version === version);
}

export function findFrameworkRelease(
  name: FrameworkName,
  version: string,
): PytorchRelease | MindsporeRelease | undefined {
  const list: readonly (PytorchRelease | MindsporeRelease)[] =
    name === "pytorch" ? pytorchReleases : mindsporeReleases;
  return list.find((r) => r.version === version);
}

export function findOpenmindRelease(version: string): OpenmindRelease | undefined {
  return openmindReleases.find((r) => r.version === version);
}

export const frameworkLabels: Record<FrameworkName, string> = {
  pytorch: "PyTorch",
  mindspore: "MindSpore",
};
