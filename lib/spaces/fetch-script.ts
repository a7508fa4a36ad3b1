/** Single-quotes a value for bash. */
export const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The lines of a job script that fetch a Space's repository at one commit into `src/` with
 * `STRATA_JOB_TOKEN`, which is valid only for this Space's repository and only while the job runs;
 * it never appears in the log (git gets it through a credential helper reading the environment,
 * not in a URL).
 */
export function fetchSpaceLines(input: { cloneUrl: string; commit: string }): string[] {
  return [
    "set -euo pipefail",
    "git init -q src && cd src",
    // A credential helper answers git from the environment, so the token is in no argument or URL.
    `git -c credential.helper='!f() { echo username=job; echo "password=$STRATA_JOB_TOKEN"; }; f' fetch -q --depth 1 ${quote(input.cloneUrl)} ${input.commit}`,
    `git checkout -q ${input.commit}`,
  ];
}
