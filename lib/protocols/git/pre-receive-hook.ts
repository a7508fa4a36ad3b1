import "server-only";

import fsp from "node:fs/promises";
import path from "node:path";

import { getConfig } from "@/lib/config";

/**
 * Files this large (or larger) cannot be pushed into git itself: they belong in git LFS. HF and
 * GitHub refuse plain-git files over 10 MiB and 100 MiB; we take "100 MB" literally.
 */
const maxPushedBlobBytes = 100_000_000;

/**
 * The pre-receive hook every push runs. It lives in a directory only the server writes
 * (`STRATA_DATA_DIR/git-hooks`) and reaches receive-pack as `-c core.hooksPath=…` on the command
 * line, so nothing a user pushes, and no repository's config, can change or skip it. It runs in
 * git's quarantine: refused objects never enter the repository, and no ref moves.
 *
 * It refuses refs other than branches and tags, and new blobs of `maxPushedBlobBytes` or more
 * (an LFS pointer is a few hundred bytes, so any such blob is a large file committed without LFS).
 */
export const preReceiveScript = (limit = maxPushedBlobBytes) => `#!/bin/sh
# Written by the Strata server; edits are overwritten.
limit=${limit}
status=0
revs=""
while read -r old new ref; do
  case "$ref" in
    refs/heads/*|refs/tags/*) ;;
    *) echo "error: $ref: only branches (refs/heads/...) and tags (refs/tags/...) can be pushed." >&2; status=1; continue ;;
  esac
  case "$new" in *[!0]*) ;; *) continue ;; esac
  case "$old" in *[!0]*) revs="$revs $new ^$old" ;; *) revs="$revs $new" ;; esac
done
[ "$status" -eq 0 ] || exit "$status"
[ -n "$revs" ] || exit 0
big=$(git rev-list --objects $revs --not --all |
  git cat-file --batch-check='%(objecttype) %(objectsize) %(rest)' |
  awk -v limit="$limit" '$1 == "blob" && $2 + 0 >= limit { print $2 "\\t" substr($0, length($1) + length($2) + 3) }')
[ -z "$big" ] && exit 0
printf '%s\\n' "$big" | while IFS="$(printf '\\t')" read -r size file; do
  echo "error: $file is $size bytes: files of ${limit % 1_000_000 === 0 ? `${limit / 1_000_000} MB` : `${limit} bytes`} or more cannot be pushed as plain git objects." >&2
  echo "error: Store it with git LFS: run 'git lfs track \\"$file\\"', then 'git add .gitattributes' and" >&2
  echo "error: amend or redo the commit that added it ('git lfs migrate import --include=\\"$file\\"' rewrites it), and push again." >&2
done
exit 1
`;

const globalForHooks = globalThis as unknown as { strataHooksDir?: string };

/** Writes the hooks (atomically, once per process and data dir) and returns their directory. */
export async function ensureGitHooks(): Promise<string> {
  const dir = path.join(getConfig().dataDir, "git-hooks");
  if (globalForHooks.strataHooksDir === dir) return dir;
  await fsp.mkdir(dir, { recursive: true, mode: 0o755 });
  const target = path.join(dir, "pre-receive");
  const current = await fsp.readFile(target, "utf8").catch(() => null);
  const script = preReceiveScript();
  if (current !== script) {
    const temp = `${target}.${process.pid}.tmp`;
    await fsp.writeFile(temp, script, { mode: 0o755 });
    await fsp.rename(temp, target);
  }
  globalForHooks.strataHooksDir = dir;
  return dir;
}
