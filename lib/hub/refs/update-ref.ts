import "server-only";

import { AppError } from "@/lib/errors";
import { GitError, runGit } from "@/lib/hub/git/run";

const zeroOid = "0".repeat(40);

function shortName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, "");
}

/**
 * Moves, creates (`expected: null`) or deletes (`next: null`) a ref by compare-and-swap: git
 * refuses unless the ref still has the expected value, so a change based on a stale view fails
 * with a conflict instead of silently discarding someone else's work.
 */
export async function updateRefCas(options: {
  gitDir: string;
  ref: string;
  next: string | null;
  expected: string | null;
  reason: string;
}): Promise<void> {
  const { gitDir, ref, next, expected } = options;
  const args =
    next === null
      ? ["update-ref", "-m", options.reason, "-d", ref, expected ?? ""]
      : ["update-ref", "-m", options.reason, ref, next, expected ?? zeroOid];
  try {
    await runGit({ gitDir, args: args.filter((arg, i) => i < args.length - 1 || arg !== "") });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const name = shortName(ref);
    const stderr = error.stderr;
    if (
      /but expected|reference already exists|unable to resolve reference|\.lock': File exists|cannot lock ref/i.test(
        stderr,
      )
    ) {
      const message =
        expected === null
          ? `"${name}" already exists.`
          : next === null
            ? `"${name}" has changed or no longer exists; reload and try again.`
            : `"${name}" has moved since ${expected.slice(0, 12)}; reload and try again (nothing was changed).`;
      throw new AppError("conflict", message, { cause: error });
    }
    if (/exists; cannot create|cannot create '.*': '.*' exists/i.test(stderr)) {
      throw new AppError(
        "conflict",
        `"${name}" clashes with an existing branch or tag of a similar name.`,
        { cause: error },
      );
    }
    throw error;
  }
}
