// Client-safe: the tag grammar of the layered images — format variables into a tag and parse a tag
// back into its variables, refusing a malformed tag with the part that is wrong.
//
//   python:    {py}-{os}{osver}                                       3.10-ubuntu22.04
//   cann:      {os}-python{py}-cann{ver}                              openeuler-python3.9-cann8.0.rc2.beta1
//              {cann}-{chip}-{os}{osver}-py{py}[-devel] (Ascend form) 8.1.rc1-910b-openeuler22.03-py3.11
//   pytorch:   {os}-python{py}[-cann{ver}]-pytorch{ver}               ubuntu-python3.8-cann8.0.rc1.beta1-pytorch2.1.0
//   mindspore: {os}-python{py}[-cann{ver}]-mindspore{ver}
//   openmind:  {os}-python{py}[-cann{ver}]-pytorch{ver}[-mindspore{ver}]-openmind{ver}
//              (either framework or both, PyTorch first)
// A tag without a cann part is a CPU image.
import type { FrameworkName, ImageHardware } from "@/db/schema/image-enums";

import type { OsName } from "./spec";
import { parseAscendTag, parseLayeredTag, parsePythonTag } from "./tag-parse";
import { checkTagText, fail, TagGrammarError } from "./tag-parts";

export { TagGrammarError } from "./tag-parts";

const imageKinds = ["python", "cann", "pytorch", "mindspore", "openmind"] as const;
export type ImageKind = (typeof imageKinds)[number];

export type FrameworkVersion = { name: FrameworkName; version: string };

/** Everything a tag says. `osVersion` and `chip` are null where the tag form does not name them. */
export type ImageVariables = {
  image: ImageKind;
  os: OsName;
  osVersion: string | null;
  python: string;
  cann: string | null;
  chip: string | null;
  /** In tag order: PyTorch before MindSpore. */
  frameworks: FrameworkVersion[];
  openmind: string | null;
  hardware: ImageHardware;
  devel: boolean;
};

export function isImageKind(value: string): value is ImageKind {
  return (imageKinds as readonly string[]).includes(value);
}

/**
 * Parses a tag of `repository` into its variables. Without a repository it is inferred from the
 * tag's shape (an openmind part → openmind, one framework → that framework, …).
 */
export function parseTag(tag: string, repository?: ImageKind): ImageVariables {
  checkTagText(tag);
  if (tag === "latest" || tag.startsWith("latest-")) {
    fail(
      "tag",
      `"${tag}" is a moving alias that names no versions, not a tag of the stack grammar`,
    );
  }
  if (/^\d/.test(tag)) {
    const pythonBase = /^\d+\.\d+-[a-z]/.test(tag) && !/^\d+\.\d+\.\d/.test(tag);
    if (repository === "python" || (!repository && pythonBase)) return parsePythonTag(tag);
    if (repository && repository !== "cann") {
      fail(
        "os",
        `${repository} tags start with the OS (e.g. openeuler-python3.9-…); "${tag}" does not`,
      );
    }
    return parseAscendTag(tag);
  }
  if (repository === "python")
    fail("python", `python tags look like 3.10-ubuntu22.04; "${tag}" does not`);
  return parseLayeredTag(tag, repository);
}

function layeredTag(v: ImageVariables): string {
  const parts: string[] = [v.os, `python${v.python}`];
  if (v.cann !== null) parts.push(`cann${v.cann}`);
  for (const f of v.frameworks) parts.push(`${f.name}${f.version}`);
  if (v.openmind !== null) parts.push(`openmind${v.openmind}`);
  return parts.join("-");
}

function sameVariables(a: ImageVariables, b: ImageVariables): boolean {
  const keys = [
    "image",
    "os",
    "osVersion",
    "python",
    "cann",
    "chip",
    "openmind",
    "hardware",
    "devel",
  ] as const;
  return (
    keys.every((k) => a[k] === b[k]) &&
    a.frameworks.length === b.frameworks.length &&
    a.frameworks.every(
      (f, i) => f.name === b.frameworks[i]?.name && f.version === b.frameworks[i]?.version,
    )
  );
}

/**
 * Formats variables into their tag. Variables that no tag can express exactly (a CPU image with a
 * CANN version, an OS release in a form that does not name it, frameworks out of order …) are
 * refused, so that `parseTag(formatTag(v))` always gives `v` back.
 */
export function formatTag(v: ImageVariables): string {
  let tag: string;
  if (v.image === "python") tag = `${v.python}-${v.os}${v.osVersion ?? ""}`;
  else if (v.image === "cann" && v.osVersion !== null) {
    tag = `${v.cann ?? ""}-${v.chip ?? ""}-${v.os}${v.osVersion}-py${v.python}${v.devel ? "-devel" : ""}`;
  } else tag = layeredTag(v);
  const parsed = parseTag(tag, v.image);
  if (!sameVariables(parsed, v)) {
    throw new TagGrammarError(
      "tag",
      `these variables have no exact tag (the closest, "${tag}", means something else); check hardware, OS version, chip and framework order`,
    );
  }
  return tag;
}

export type ParsedReference = {
  registry: string | null;
  namespace: string | null;
  repository: ImageKind;
  tag: string;
  variables: ImageVariables;
};

/**
 * Parses `[registry/][namespace/]repository:tag` (e.g. `registry.modelers.cn/base_image/openmind:…`,
 * `cann:…`) or a bare tag, whose repository is then inferred.
 */
export function parseImageReference(input: string): ParsedReference {
  const ref = input.trim();
  if (ref.includes("@"))
    fail("tag", "a digest reference (…@sha256:…) names no tag; give repository:tag");
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.indexOf(":", lastSlash + 1);
  if (colon < 0 && lastSlash >= 0) fail("tag", `"${ref}" has no tag; add ":<tag>"`);
  const path = colon < 0 ? "" : ref.slice(0, colon);
  const tag = colon < 0 ? ref : ref.slice(colon + 1);
  if (colon >= 0 && path === "") fail("repository", `"${ref}" has no repository before ":"`);

  const components = path ? path.split("/") : [];
  const name = components.pop();
  const registry =
    components[0] && /[.:]|^localhost$/.test(components[0]) ? (components.shift() ?? null) : null;
  if (name !== undefined && !isImageKind(name)) {
    fail("repository", `unknown repository "${name}" (expected ${imageKinds.join(", ")})`);
  }
  const variables = parseTag(tag, name as ImageKind | undefined);
  return {
    registry,
    namespace: components.length ? components.join("/") : null,
    repository: variables.image,
    tag,
    variables,
  };
}
