import "server-only";

import fs from "node:fs";
import path from "node:path";

/** Group and other bits: nothing under the data dir may carry any of them. */
const sharedBits = 0o077;

/**
 * Makes the data dir owner-only, because shell jobs (the embedded runner's included) run on the
 * same host: a readable database, repository or blob would hand them every password hash, private
 * repository and private layer. The process umask makes everything created from now on private —
 * files the server writes and those git writes for it — and one walk at start takes group and other
 * access away from what an older install left readable. The walk changes only wrong modes and does
 * not follow links, so on a big install it is one `lstat` per entry.
 */
export function makeDataDirPrivate(
  dataDir: string,
  log: (message: string) => void = (message) => console.log(`[strata] ${message}`),
): { fixed: number } {
  try {
    process.umask(sharedBits);
  } catch {
    // Worker threads cannot change the umask; the explicit modes below still apply.
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;
    if (stat.mode & sharedBits) {
      fs.chmodSync(entry, stat.mode & 0o7700);
      fixed++;
    }
    if (!stat.isDirectory()) return;
    for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(dataDir);
  if (fixed > 0) {
    log(
      `made ${fixed} entries under the data dir ${dataDir} private to the server's account (owner-only)`,
    );
  }
  return { fixed };
}
