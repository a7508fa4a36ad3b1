// What a model CI job does: fetch the model at one commit, install its requirements, run its
// inference script (openMind's contract: `examples/inference.py --model_name_or_path <dir>`).
import { fetchCommitLines } from "@/lib/jobs/fetch-script";
import type { JobSpec } from "@/lib/jobs/protocol";

/**
 * The exit code of a failed `pip install`, so the outcome can say `requirements_failed` without
 * reading the log; the script's own exit code 97 is reported as 1 so the two never mix.
 */
export const requirementsFailedExitCode = 97;

export function modelCiSpec(input: {
  cloneUrl: string;
  commit: string;
  /** The environment's image for a docker runner; absent on a shell runner that declares it. */
  image?: string;
}): JobSpec {
  const script = [
    ...fetchCommitLines({ cloneUrl: input.cloneUrl, commit: input.commit, dir: "model" }),
    'PYTHON="$(command -v python || command -v python3)"',
    "if [ -f examples/requirements.txt ]; then",
    '  echo "[strata] pip install -r examples/requirements.txt"',
    `  "$PYTHON" -m pip install -r examples/requirements.txt || exit ${requirementsFailedExitCode}`,
    "else",
    '  echo "[strata] no examples/requirements.txt; nothing to install"',
    "fi",
    'echo "[strata] python examples/inference.py --model_name_or_path $PWD"',
    "set +e",
    '"$PYTHON" examples/inference.py --model_name_or_path "$PWD"',
    "code=$?",
    `[ "$code" -eq ${requirementsFailedExitCode} ] && code=1`,
    'exit "$code"',
  ].join("\n");
  return {
    ...(input.image ? { image: input.image } : {}),
    steps: [{ type: "script", name: `Model CI at ${input.commit.slice(0, 7)}`, script }],
  };
}
