// What a Space's variable or secret may be called and hold. Client-safe (no server imports), so a
// form and the server check the same rules.
import { z } from "zod";

/**
 * openMind accepts names matching `[-._a-zA-Z][-._a-zA-Z0-9]*`; a variable here is also a build arg
 * (`ARG NAME`, `ENV NAME=$NAME`) and an environment variable of the app (`-e NAME=…`), where `-` and
 * `.` cannot be read back as `$NAME`. So: letters, digits and `_`, not starting with a digit.
 */
const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Set by the platform, the image or the runner; a Space's own value would hide or break them. */
const reservedNames = new Set([
  "HOME",
  "HOSTNAME",
  "JUPYTER_TOKEN",
  "NOTEBOOK_DIR",
  "PATH",
  "PORT",
  "PWD",
  "SHELL",
  "SYSTEM",
  "USER",
]);
const reservedPrefixes = ["ASCEND_", "GRADIO_", "LD_", "SPACE_", "STRATA_"];

/** Is `name` one the platform sets itself? (Case does not matter: `gradio_x` is refused too.) */
export function isReservedVariableName(name: string): boolean {
  const upper = name.toUpperCase();
  return reservedNames.has(upper) || reservedPrefixes.some((prefix) => upper.startsWith(prefix));
}

export const variableNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(64, "Use at most 64 characters.")
  .regex(
    namePattern,
    "Use letters, digits and _, not starting with a digit (by convention in upper case, e.g. MODEL_ID).",
  )
  .refine(
    (name) => !isReservedVariableName(name),
    "This name is set by the platform (SPACE_*, GRADIO_*, STRATA_*, ASCEND_*, LD_*, PORT, SYSTEM, HOME, PATH …); choose another.",
  );

/**
 * openMind allows 1–100 characters, too few for many API keys and tokens, so values may be up to
 * 4,096 characters; a NUL cannot be in an environment variable.
 */
export const variableValueSchema = z
  .string()
  .min(1, "Enter a value.")
  .max(4096, "Use at most 4096 characters.")
  .refine((value) => !value.includes("\0"), "A value cannot contain a NUL character.");

/** How many variables and secrets together one Space may have. */
export const maxSpaceVariables = 100;
