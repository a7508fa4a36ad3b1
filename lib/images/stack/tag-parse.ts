// Client-safe: the parsers of the three tag forms (layered, Ascend, Python base). tags.ts chooses
// between them; each refuses a malformed tag with the part that is wrong.
import type { FrameworkName } from "@/db/schema/image-enums";

import {
  checkChip,
  checkOs,
  checkOsWithVersion,
  checkVersion,
  classifyPart,
  examples,
  fail,
  versionPatterns,
  type PartKind,
} from "./tag-parts";
import type { FrameworkVersion, ImageKind, ImageVariables } from "./tags";

const layeredShape = "{os}-python{py}[-cann{ver}]-{framework}{ver}[-openmind{ver}]";

/** `3.10-ubuntu22.04` */
export function parsePythonTag(tag: string): ImageVariables {
  const [py = "", osPart, ...rest] = tag.split("-");
  if (!versionPatterns.python.test(py)) {
    fail("python", `python part "${py}" is not a version (expected e.g. 3.10-ubuntu22.04)`);
  }
  if (!osPart)
    return fail("os", `missing the OS part after the Python version (e.g. ${py}-ubuntu22.04)`);
  const { os, osVersion } = checkOsWithVersion(osPart);
  if (rest.length) fail("tag", `unexpected "${rest.join("-")}" after "${osPart}"`);
  return {
    image: "python",
    os,
    osVersion,
    python: py,
    cann: null,
    chip: null,
    frameworks: [],
    openmind: null,
    hardware: "cpu",
    devel: false,
  };
}

/** `8.1.rc1-910b-openeuler22.03-py3.11[-devel]` */
export function parseAscendTag(tag: string): ImageVariables {
  const cann = versionPatterns.ascendCannPrefix.exec(tag)?.[0];
  if (!cann) {
    return fail(
      "cann",
      `cann part "${tag.split("-")[0]}" is not a version (expected e.g. 8.1.rc1 or 8.0.rc3.alpha002)`,
    );
  }
  const [chipPart, osPart, pyPart, ...rest] = tag.slice(cann.length + 1).split("-");
  if (!chipPart) {
    return fail(
      "chip",
      `missing the chip part after "${cann}" (a full tag looks like ${cann}-910b-ubuntu22.04-py3.10)`,
    );
  }
  const chip = checkChip(chipPart);
  if (!osPart)
    return fail(
      "os",
      `missing the OS part after the chip (e.g. ${cann}-${chip}-ubuntu22.04-py3.10)`,
    );
  const { os, osVersion } = checkOsWithVersion(osPart);
  if (!pyPart)
    return fail("python", `missing the python part after the OS (e.g. …-${osPart}-py3.10)`);
  if (!/^py\d/.test(pyPart))
    fail("python", `python part "${pyPart}" is not a version (expected e.g. py3.10)`);
  const python = checkVersion("python", pyPart, "py", versionPatterns.python, "py3.10");
  const devel = rest[0] === "devel";
  const extra = devel ? rest.slice(1) : rest;
  if (extra.length)
    fail("tag", `unexpected "${extra.join("-")}" after "${devel ? "devel" : pyPart}"`);
  return {
    image: "cann",
    os,
    osVersion,
    python,
    cann,
    chip,
    frameworks: [],
    openmind: null,
    hardware: "npu",
    devel,
  };
}

type Taken = { kind: PartKind; raw: string };

function describeOrder(kind: PartKind, previous: Taken): string {
  if (kind === "unknown") return `unexpected "${previous.raw}"`;
  return `"${previous.raw}" is out of order or repeated (layered tags are ${layeredShape})`;
}

/** `{os}-python{py}[-cann{ver}]-{framework}{ver}[-{framework}{ver}][-openmind{ver}]` */
export function parseLayeredTag(tag: string, repository?: ImageKind): ImageVariables {
  const parts = tag.split("-").map((raw): Taken => ({ kind: classifyPart(raw), raw }));
  let i = 0;
  const next = () => parts[i];

  const first = parts[0] as Taken;
  if (first.kind !== "os" && first.kind !== "unknown") {
    fail(
      "order",
      `a tag starts with the OS (ubuntu or openeuler), not "${first.raw}" (${layeredShape})`,
    );
  }
  const os = checkOs(first.raw);
  i++;

  const pyPart = next();
  if (!pyPart)
    return fail("python", `missing the python part after the OS (e.g. ${os}-python3.9-…)`);
  if (pyPart.kind !== "python")
    fail("order", `expected the python part after the OS, found "${pyPart.raw}"`);
  const python = checkVersion(
    "python",
    pyPart.raw,
    "python",
    versionPatterns.python,
    examples.python,
  );
  i++;

  let cann: string | null = null;
  if (next()?.kind === "cann") {
    cann = checkVersion("cann", next()!.raw, "cann", versionPatterns.cann, examples.cann);
    i++;
  }

  const frameworks: FrameworkVersion[] = [];
  while (next()?.kind === "pytorch" || next()?.kind === "mindspore") {
    const { kind, raw } = next()!;
    const name = kind as FrameworkName;
    if (frameworks.some((f) => f.name === name))
      fail("framework", `framework "${name}" appears twice`);
    if (frameworks.length && name === "pytorch") {
      fail(
        "order",
        `frameworks are listed PyTorch first, then MindSpore ("${raw}" comes after "${parts[i - 1]!.raw}")`,
      );
    }
    frameworks.push({
      name,
      version: checkVersion("framework", raw, name, versionPatterns[name], examples[name]),
    });
    i++;
  }

  let openmind: string | null = null;
  if (next()?.kind === "openmind") {
    openmind = checkVersion(
      "openmind",
      next()!.raw,
      "openmind",
      versionPatterns.openmind,
      examples.openmind,
    );
    i++;
  }

  const leftover = next();
  if (leftover)
    fail(leftover.kind === "unknown" ? "tag" : "order", describeOrder(leftover.kind, leftover));

  const image = checkLayeredShape(tag, repository, { cann, frameworks, openmind });
  return {
    image,
    os,
    osVersion: null,
    python,
    cann,
    chip: null,
    frameworks,
    openmind,
    hardware: cann === null ? "cpu" : "npu",
    devel: false,
  };
}

/** Checks the parts present against what the repository's tags must have, or infers the repository. */
function checkLayeredShape(
  tag: string,
  repository: ImageKind | undefined,
  {
    cann,
    frameworks,
    openmind,
  }: { cann: string | null; frameworks: FrameworkVersion[]; openmind: string | null },
): ImageKind {
  const inferred: ImageKind | undefined = openmind
    ? "openmind"
    : frameworks.length === 1
      ? frameworks[0]!.name
      : frameworks.length === 0 && cann
        ? "cann"
        : undefined;
  const image = repository ?? inferred;
  if (!image) {
    if (frameworks.length > 1)
      fail("openmind", `a tag with two frameworks is an openmind tag and needs an openmind part`);
    return fail(
      "tag",
      `"${tag}" names neither a CANN version nor a framework, so it is no image of the stack`,
    );
  }
  if (image === "cann") {
    if (!cann) fail("cann", `cann tags need a cann part (e.g. ubuntu-python3.9-${examples.cann})`);
    if (frameworks.length || openmind) fail("tag", `cann tags end with the cann part`);
  } else if (image === "pytorch" || image === "mindspore") {
    if (openmind) fail("openmind", `${image} tags have no openmind part`);
    if (frameworks.length !== 1 || frameworks[0]!.name !== image) {
      fail("framework", `${image} tags end with one ${image} part (e.g. …-${examples[image]})`);
    }
  } else if (image === "openmind") {
    if (!frameworks.length)
      fail("framework", `openmind tags name pytorch and/or mindspore before the openmind part`);
    if (!openmind)
      fail("openmind", `openmind tags end with the openmind part (e.g. …-${examples.openmind})`);
  }
  return image;
}
