import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { tagVariables } from "@/lib/images/catalog/catalog-write";
import { listSelectableImages } from "@/lib/images/catalog/select";
import type { ImageSelection } from "@/lib/images/catalog/selectable";
import { registryHost } from "@/lib/images/stack/pull-commands";
import { frameworkLabels } from "@/lib/images/stack/spec";

/** A CI environment: a `model_ci` image of the catalog, as the start form and results show it. */
export type CiEnvironment = {
  /** `base_image/openmind:<tag>`: what the API takes and a shell runner's `image=` label names. */
  id: string;
  repository: string;
  tag: string;
  /** Where a docker runner pulls it from. */
  pullImage: string;
  hardware: "cpu" | "npu";
  framework: string | null;
  frameworkVersion: string | null;
  cannVersion: string | null;
  pythonVersion: string;
  openmindVersion: string | null;
  /** "NPU · PyTorch 2.1.0 · CANN 8.0.RC2 · openMind 0.8.0" */
  title: string;
};

function toEnvironment(
  image: Pick<ImageSelection, "repository" | "tag" | "image" | "variables">,
): CiEnvironment {
  const v = image.variables;
  const framework = v.frameworks[0] ?? null;
  const parts = [
    v.hardware.toUpperCase(),
    framework ? `${frameworkLabels[framework.name]} ${framework.version}` : null,
    v.cann ? `CANN ${v.cann.toUpperCase()}` : null,
    `Python ${v.python}`,
    v.openmind ? `openMind ${v.openmind}` : null,
  ];
  return {
    id: `${image.repository}:${image.tag}`,
    repository: image.repository,
    tag: image.tag,
    pullImage: image.image,
    hardware: v.hardware,
    framework: framework ? frameworkLabels[framework.name] : null,
    frameworkVersion: framework?.version ?? null,
    cannVersion: v.cann,
    pythonVersion: v.python,
    openmindVersion: v.openmind,
    title: parts.filter(Boolean).join(" · "),
  };
}

/** The environments a caller may run CI in, newest first; NPU ones first (the point of CI). */
export async function listCiEnvironments(caller: Caller | null): Promise<CiEnvironment[]> {
  const images = await listSelectableImages({ purpose: "model_ci" }, caller);
  const all = images.filter((image) => image.variables.frameworks.length <= 1).map(toEnvironment);
  return [...all.filter((e) => e.hardware === "npu"), ...all.filter((e) => e.hardware === "cpu")];
}

/** What a past run's environment id (`base_image/openmind:<tag>`) says, read from its tag. */
export function environmentOf(id: string): CiEnvironment | null {
  const [repository = "", tag = ""] = id.split(":");
  const variables = tagVariables(repository.split("/").pop() ?? "", tag);
  if (!variables) return null;
  const image = `${registryHost(getConfig().publicUrl)}/${id}`;
  return toEnvironment({ repository, tag, image, variables });
}
