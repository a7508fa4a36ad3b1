import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { listSelectableImages } from "@/lib/images/catalog/select";

/** One base environment the Space create form offers (a client-safe DTO). */
export type BaseImageOption = {
  image: string;
  tag: string;
  /** Framework and openMind version, e.g. `PyTorch 2.1.0 · openMind 0.8.0`: the picker's groups. */
  group: string;
  hardware: "cpu-basic" | "npu-basic";
};

function groupOf(frameworks: { name: string; version: string }[], openmind: string | null): string {
  const framework = frameworks.map((f) => `${f.name} ${f.version}`).join(" + ") || "Python";
  return openmind ? `${framework} · openMind ${openmind}` : framework;
}

/**
 * The catalog's `space: true` images the caller may pull, for both hardware kinds, newest first
 * (the order the catalog gives), grouped by framework and openMind version.
 */
export async function listSpaceBaseImages(caller: Caller | null): Promise<BaseImageOption[]> {
  const images = await listSelectableImages({ purpose: "space" }, caller);
  return images.map((selection) => ({
    image: selection.image,
    tag: selection.tag,
    group: groupOf(selection.variables.frameworks, selection.variables.openmind),
    hardware: selection.variables.hardware === "npu" ? "npu-basic" : "cpu-basic",
  }));
}

/** A Space builds only on an image the catalog offers Spaces for its hardware, and the caller may pull. */
export async function assertBaseImageOffered(
  caller: Caller,
  space: { baseImage?: string; hardware: string },
): Promise<void> {
  const offered = await listSpaceBaseImages(caller);
  if (!offered.some((o) => o.image === space.baseImage && o.hardware === space.hardware)) {
    throw new AppError("bad_request", "Pick a base environment from the list for this hardware.", {
      fieldErrors: { baseImage: ["Pick a base environment from the list for this hardware."] },
    });
  }
}
