import "server-only";

import { z } from "zod";

import { frameworkNames, imageHardware } from "@/db/schema/image-enums";
import type { Caller } from "@/lib/auth/caller";

import { frameworkLabels } from "../stack/spec";
import { sortVersions } from "../stack/version";
import {
  frameworkVersionOf,
  hardwareLabel,
  newestFirst,
  toSelection,
  visibleCandidates,
  type ImageSelection,
} from "./selectable";

export { listSelectableImages } from "./selectable";

const version = z
  .string()
  .trim()
  .max(40)
  .regex(/^\d+(\.[0-9a-z]+)+$/i, "Give a version such as 2.1.0.");

const selectImageSchema = z.object({
  purpose: z.enum(["space", "model_ci"]),
  hardware: z.enum(imageHardware),
  framework: z.enum(frameworkNames),
  frameworkVersion: version.optional(),
  openmindVersion: version.optional(),
  python: z
    .string()
    .trim()
    .regex(/^\d+\.\d+$/, "Give a Python version such as 3.9.")
    .optional(),
});

export type SelectImageInput = z.input<typeof selectImageSchema>;

export type SelectImageResult =
  { ok: true; selection: ImageSelection } | { ok: false; reason: string };

/**
 * The newest compatible openMind image for a Space or a model CI run, among the tags flagged for
 * that purpose that the caller may see; or the reason none fits, naming what is available instead.
 */
export async function selectImage(
  input: SelectImageInput,
  caller: Caller | null = null,
): Promise<SelectImageResult> {
  const want = selectImageSchema.parse(input);
  const what = want.purpose === "space" ? "Space image" : "model CI image";
  const hw = hardwareLabel[want.hardware];
  const fw = frameworkLabels[want.framework];
  const all = await visibleCandidates(caller, want.purpose);
  const fail = (reason: string): SelectImageResult => ({ ok: false, reason });
  const available = (values: (string | null)[]) =>
    sortVersions(values.filter((v): v is string => !!v)).join(", ");

  let pool = all.filter((c) => c.variables.hardware === want.hardware);
  if (!pool.length) {
    const others = [...new Set(all.map((c) => hardwareLabel[c.variables.hardware]))].sort();
    return fail(
      others.length
        ? `No ${what} runs on ${hw}; ${what}s are available for ${others.join(", ")}.`
        : `No ${what} is in the image catalog yet.`,
    );
  }
  const onHardware = pool;
  pool = pool.filter((c) => frameworkVersionOf(c, want.framework) !== null);
  if (!pool.length) {
    const names = frameworkNames.filter((n) =>
      onHardware.some((c) => frameworkVersionOf(c, n) !== null),
    );
    return fail(
      `No ${what} has ${fw} on ${hw}; available frameworks: ${names.map((n) => frameworkLabels[n]).join(", ")}.`,
    );
  }

  let has = fw;
  if (want.frameworkVersion) {
    const versions = available(pool.map((c) => frameworkVersionOf(c, want.framework)));
    pool = pool.filter((c) => frameworkVersionOf(c, want.framework) === want.frameworkVersion);
    if (!pool.length)
      return fail(
        `No ${what} has ${fw} ${want.frameworkVersion} on ${hw}; available versions: ${versions}.`,
      );
    has = `${fw} ${want.frameworkVersion}`;
  }
  if (want.openmindVersion) {
    const versions = available(pool.map((c) => c.variables.openmind));
    pool = pool.filter((c) => c.variables.openmind === want.openmindVersion);
    if (!pool.length) {
      return fail(
        `No ${what} has ${has} with openMind ${want.openmindVersion} on ${hw}; available openMind versions: ${versions}.`,
      );
    }
    has = `${has} with openMind ${want.openmindVersion}`;
  }
  if (want.python) {
    const versions = available(pool.map((c) => c.variables.python));
    pool = pool.filter((c) => c.variables.python === want.python);
    if (!pool.length) {
      return fail(
        `No ${what} has ${has} and Python ${want.python} on ${hw}; available Python versions: ${versions}.`,
      );
    }
  }

  return { ok: true, selection: toSelection(pool.sort(newestFirst(want.framework))[0]!) };
}
