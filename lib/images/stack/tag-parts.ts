// Client-safe: the pieces of the tag grammar — what each part of a tag looks like, and the error a
// malformed part gets. tags.ts puts them together.
import { frameworkNames, type FrameworkName } from "@/db/schema/image-enums";

import { chips, osNames, type OsName } from "./spec";

/** The parts a tag error can point at, so a form can highlight the right field. */
export type TagPart =
  "tag" | "repository" | "os" | "python" | "cann" | "chip" | "framework" | "openmind" | "order";

export class TagGrammarError extends Error {
  override name = "TagGrammarError";
  constructor(
    readonly part: TagPart,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (part: TagPart, message: string): never => {
  throw new TagGrammarError(part, message);
};

export const versionPatterns = {
  python: /^\d+\.\d+$/,
  osVersion: /^\d+\.\d+$/,
  /** 7.0.1.beta1, 8.0.rc3.alpha002, 8.0.0 */
  cann: /^\d+\.\d+\.(?:\d+|rc\d+)(?:\.(?:alpha|beta)\d+)?$/,
  /**
   * The CANN version leading an Ascend-form tag (up to the next "-"): that form drops beta
   * suffixes and writes newer pre-releases as 9.0.0-beta.1.
   */
  ascendCannPrefix: /^\d+\.\d+\.(?:\d+|rc\d+)(?:\.(?:alpha|beta)\d+|-(?:alpha|beta)\.\d+)?(?=-|$)/,
  pytorch: /^\d+\.\d+\.\d+$/,
  mindspore: /^\d+\.\d+\.\d+(?:rc\d+)?$/,
  openmind: /^\d+\.\d+\.\d+(?:rc\d+)?$/,
} as const;

export const examples = {
  python: "python3.10",
  cann: "cann8.0.rc2.beta1",
  pytorch: "pytorch2.1.0",
  mindspore: "mindspore2.3.1",
  openmind: "openmind0.8.0",
} as const;

function isOsName(value: string): value is OsName {
  return (osNames as readonly string[]).includes(value);
}

export function checkOs(part: string): OsName {
  if (isOsName(part)) return part;
  const named = /^([a-z]+)\d/.exec(part)?.[1];
  if (named && isOsName(named)) {
    fail(
      "os",
      `os part "${part}" must be just the OS name (${osNames.join(" or ")}) in this tag form`,
    );
  }
  return fail("os", `os part "${part}" is not a known OS (${osNames.join(", ")})`);
}

/** `ubuntu22.04` → { os, osVersion } (the Ascend and Python-base forms name the OS release). */
export function checkOsWithVersion(part: string): { os: OsName; osVersion: string } {
  const match = /^([a-z]+)(.*)$/.exec(part);
  const os = match?.[1] ?? "";
  if (!isOsName(os))
    return fail("os", `os part "${part}" is not a known OS (${osNames.join(", ")})`);
  const osVersion = match?.[2] ?? "";
  if (!osVersion)
    return fail(
      "os",
      `os part "${part}" needs the OS version (e.g. ${os}${os === "ubuntu" ? "22.04" : "22.03"})`,
    );
  if (!versionPatterns.osVersion.test(osVersion)) {
    return fail(
      "os",
      `os part "${part}" has an OS version that is not a version (e.g. ubuntu22.04)`,
    );
  }
  return { os, osVersion };
}

export function checkVersion(
  part: TagPart,
  raw: string,
  prefix: string,
  pattern: RegExp,
  example: string,
): string {
  const version = raw.slice(prefix.length);
  if (!pattern.test(version))
    fail(part, `${part} part "${raw}" is not a version (expected e.g. ${example})`);
  return version;
}

export function checkChip(part: string): string {
  if (chips.some((c) => c.id === part)) return part;
  return fail(
    "chip",
    `chip part "${part}" is not a known chip (${chips.map((c) => c.id).join(", ")})`,
  );
}

export type PartKind = "os" | "python" | "cann" | FrameworkName | "openmind" | "unknown";

/** What a hyphen-separated part of a layered tag is, judged by its leading word. */
export function classifyPart(part: string): PartKind {
  if (isOsName(part) || /^(ubuntu|openeuler)\d/.test(part)) return "os";
  if (part.startsWith("python")) return "python";
  if (part.startsWith("cann")) return "cann";
  if (part.startsWith("openmind")) return "openmind";
  for (const name of frameworkNames) if (part.startsWith(name)) return name;
  return "unknown";
}

/** Checks what every tag must be before its grammar is looked at. */
export function checkTagText(tag: string): void {
  if (tag === "") fail("tag", "the tag is empty");
  if (tag.length > 128)
    fail("tag", `the tag is ${tag.length} characters long; tags have at most 128`);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag)) {
    fail(
      "tag",
      `tag "${tag}" contains characters a tag cannot have (letters, digits, "_", "." and "-" only)`,
    );
  }
  if (tag !== tag.toLowerCase())
    fail("tag", `tags are lower-case: "${tag}" should be "${tag.toLowerCase()}"`);
  if (tag.split("-").some((p) => p === "")) {
    fail("tag", `tag "${tag}" has an empty part (a hyphen at either end or two in a row)`);
  }
}
