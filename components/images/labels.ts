// Client-safe: how catalog values read on the pages (OS, hardware and framework names).
import type { ImageFacetName } from "@/db/queries/image-facets";
import type { ImageHardware } from "@/db/schema/image-enums";
import { frameworkLabels, osNames, type OsName } from "@/lib/images/stack/spec";
import { osLabels } from "@/lib/images/stack/stack";

export const hardwareLabels: Record<ImageHardware, string> = { cpu: "CPU", npu: "NPU" };

const isOs = (value: string): value is OsName => (osNames as readonly string[]).includes(value);

export function osLabel(os: string | null, version?: string | null): string {
  if (!os) return "";
  const name = isOs(os) ? osLabels[os] : os;
  return version ? `${name} ${version}` : name;
}

export function frameworkLabel(name: string): string {
  return name in frameworkLabels ? frameworkLabels[name as keyof typeof frameworkLabels] : name;
}

/** The label of a facet value, e.g. "openEuler", "NPU", "PyTorch", "3.9". */
export function facetValueLabel(facet: ImageFacetName, value: string): string {
  switch (facet) {
    case "os":
      return osLabel(value);
    case "hardware":
      return value in hardwareLabels ? hardwareLabels[value as ImageHardware] : value;
    case "framework":
      return frameworkLabel(value);
    default:
      return value;
  }
}
