import { z } from "zod";

import type { RepoType } from "@/db/schema/enums";

import { repoTypePlural } from "@/lib/repos/type-plural";

export { repoTypePlural };

/** The repo type a plural segment names (`models` → `model`), or undefined. */
export function repoTypeOfSegment(segment: string): RepoType | undefined {
  return (Object.keys(repoTypePlural) as RepoType[]).find(
    (type) => repoTypePlural[type] === segment,
  );
}

const repoNameMaxLength = 96;

/**
 * Model, dataset and Space names: 1–96 letters, digits, '-', '_' and '.', not starting with '.' or
 * '-', without '..', not ending in '.git' (that suffix belongs to clone URLs).
 */
export const repoNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(repoNameMaxLength, `Use at most ${repoNameMaxLength} characters.`)
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '-', '_' and '.'.")
  .refine((name) => !/^[.-]/.test(name), "Start with a letter, a digit or '_'.")
  .refine((name) => !name.includes(".."), "Do not use '..'.")
  .refine((name) => !name.toLowerCase().endsWith(".git"), "Do not end the name with '.git'.");

export function isValidRepoName(name: string): boolean {
  return repoNameSchema.safeParse(name).success && name === name.trim();
}
