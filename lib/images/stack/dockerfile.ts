// Client-safe: the Dockerfile of an image of the stack, generated from its variables with the
// template of its layer, FROM its parent image. Deterministic: the same tag always gives the same text.
import {
  cannTemplate,
  frameworkTemplate,
  openmindTemplate,
  pythonTemplate,
} from "./dockerfile-templates";
import {
  findCannRelease,
  findChip,
  findFrameworkRelease,
  findOsRelease,
  findPython,
  type PytorchRelease,
} from "./spec";
import { parentOf, resolveConfig } from "./stack";
import { formatTag, type ImageVariables } from "./tags";

export class DockerfileError extends Error {
  override name = "DockerfileError";
}

export type DockerfileOptions = {
  /** Where the stack's images live, e.g. `hub.example.com/base_image`; FROM lines point there. */
  imagePrefix: string;
  /** Where the parent can actually be pulled from, when not from `imagePrefix` (e.g. only upstream). */
  parentReference?: string;
};

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new DockerfileError(`${what} is not in the stack spec, so there is no template for it`);
  return value;
}

/** The Dockerfile for an image; throws DockerfileError when the spec lacks a version it names. */
export function generateDockerfile(
  v: ImageVariables,
  { imagePrefix, parentReference }: DockerfileOptions,
): string {
  const prefix = imagePrefix.replace(/\/+$/, "");
  const ref = (x: ImageVariables) => `${prefix}/${x.image}:${formatTag(x)}`;
  const image = ref(v);
  const parentVars = parentOf(v);
  const parent = parentVars ? (parentReference ?? ref(parentVars)) : "";
  const c = resolveConfig(v);
  const os = need(findOsRelease(c.os, c.osVersion), `${c.os} ${c.osVersion}`);
  const python = need(findPython(c.python), `Python ${c.python}`);

  switch (v.image) {
    case "python":
      return pythonTemplate({ image, os, python });
    case "cann": {
      const release = need(findCannRelease(c.cann ?? ""), `CANN ${c.cann}`);
      const chip = need(findChip(c.chip ?? ""), `chip ${c.chip}`);
      return cannTemplate({ image, parent, os, python: python.version, release, chip });
    }
    case "pytorch":
    case "mindspore": {
      const framework = need(v.frameworks[0], "the framework");
      need(
        findFrameworkRelease(framework.name, framework.version),
        `${framework.name} ${framework.version}`,
      );
      const release = c.cann === null ? null : need(findCannRelease(c.cann), `CANN ${c.cann}`);
      const torchNpu =
        release && framework.name === "pytorch" ? release.torchNpu[framework.version] : null;
      if (release && framework.name === "pytorch" && !torchNpu) {
        throw new DockerfileError(
          `there is no torch_npu for PyTorch ${framework.version} on CANN ${c.cann}`,
        );
      }
      return frameworkTemplate({
        image,
        parent,
        name: framework.name,
        version: framework.version,
        pytorch:
          framework.name === "pytorch"
            ? (findFrameworkRelease("pytorch", framework.version) as PytorchRelease)
            : null,
        torchNpu: torchNpu ?? null,
        cann: c.cann,
      });
    }
    case "openmind": {
      const extra = v.frameworks[1];
      return openmindTemplate({
        image,
        parent,
        version: c.openmind ?? "",
        extraMindspore: extra?.name === "mindspore" ? extra.version : null,
        // With both frameworks installed, openMind is left to choose.
        framework:
          v.frameworks.length === 1 ? (v.frameworks[0]!.name === "pytorch" ? "pt" : "ms") : null,
      });
    }
  }
}

/** Like generateDockerfile, for pages: the text, or the reason there is none. */
export function dockerfileFor(
  v: ImageVariables | null,
  options: DockerfileOptions,
): { dockerfile: string; reason: null } | { dockerfile: null; reason: string } {
  if (!v) return { dockerfile: null, reason: "This tag does not follow the stack's tag grammar." };
  try {
    return { dockerfile: generateDockerfile(v, options), reason: null };
  } catch (error) {
    if (error instanceof DockerfileError)
      return { dockerfile: null, reason: `No Dockerfile: ${error.message}.` };
    throw error;
  }
}
