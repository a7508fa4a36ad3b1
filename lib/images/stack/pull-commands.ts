// Client-safe: how to get and run an image — a pull command for every registry that carries a tag,
// and a `docker run` line, with the Ascend devices and driver mounts for NPU images.
import type { ImageHardware, ImageSource } from "@/db/schema/image-enums";
import { ascendDockerFlags } from "@/lib/runtime/ascend";

export type PullCommand = {
  registry: "hub" | ImageSource;
  label: string;
  /** The full image reference, e.g. `quay.io/ascend/cann:…`. */
  reference: string;
  command: string;
};

/** Where each external registry keeps the stack's images. */
const externalRepository: Record<ImageSource, { label: string; path: (name: string) => string }> = {
  "registry.modelers.cn": {
    label: "modelers.cn",
    path: (name) => `registry.modelers.cn/base_image/${name}`,
  },
  "quay.io/ascend": { label: "Quay (quay.io/ascend)", path: (name) => `quay.io/ascend/${name}` },
  // Docker Hub's short form, as people type it.
  "docker.io/ascendai": { label: "Docker Hub (ascendai)", path: (name) => `ascendai/${name}` },
};

/** `localhost:3000` from `http://localhost:3000`: registry references have no scheme. */
export function registryHost(publicUrl: string): string {
  return new URL(publicUrl).host;
}

/** Pull commands for every registry that carries the tag: this hub first (when it holds the tag). */
export function pullCommands(input: {
  hubHost: string;
  namespace: string;
  name: string;
  tag: string;
  sources: ImageSource[];
  availableLocally: boolean;
}): PullCommand[] {
  const commands: PullCommand[] = [];
  const add = (registry: PullCommand["registry"], label: string, repository: string) => {
    const reference = `${repository}:${input.tag}`;
    commands.push({ registry, label, reference, command: `docker pull ${reference}` });
  };
  if (input.availableLocally)
    add("hub", "This hub", `${input.hubHost}/${input.namespace}/${input.name}`);
  for (const source of input.sources) {
    const external = externalRepository[source];
    add(source, external.label, external.path(input.name));
  }
  return commands;
}

/**
 * An interactive `docker run` for the image: plain for CPU images; for NPU images with the Ascend
 * devices and driver mounts (check the NPU inside with `npu-smi info`). One flag per line.
 */
export function dockerRunCommand(input: {
  reference: string;
  hardware: ImageHardware | null;
  devices?: number[];
}): string {
  const flags = [
    "--rm",
    "-it",
    ...(input.hardware === "npu" ? ascendDockerFlags(input.devices) : []),
  ];
  return ["docker run", ...flags.map((f) => `  ${f}`), `  ${input.reference} bash`].join(" \\\n");
}
