// The script lines that fetch one commit of a repository inside a job, with the job's token.

/** Single-quotes a value for bash. */
export const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * Fetches `commit` of the repository at `cloneUrl` into `dir` and checks it out, LFS files included
 * when git-lfs is installed. The token (`STRATA_JOB_TOKEN`, valid only for the job's repositories
 * and only while it runs) reaches git through a credential helper reading the environment, so it
 * is in no argument, URL or log line. Leaves the shell in `dir`.
 */
export function fetchCommitLines(input: { cloneUrl: string; commit: string; dir: string }) {
  const helper = `credential.helper='!f() { echo username=job; echo "password=$STRATA_JOB_TOKEN"; }; f'`;
  return [
    "set -euo pipefail",
    `git init -q ${input.dir} && cd ${input.dir}`,
    `git -c ${helper} fetch -q --depth 1 ${shellQuote(input.cloneUrl)} ${input.commit}`,
    // Smudging is left to `git lfs pull` below, which sends the same credential.
    `GIT_LFS_SKIP_SMUDGE=1 git checkout -q ${input.commit}`,
    `if git lfs version >/dev/null 2>&1; then git config remote.origin.url ${shellQuote(input.cloneUrl)} && git -c ${helper} lfs pull; fi`,
  ];
}
