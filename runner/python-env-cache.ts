import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** Whom a job's copy of an environment belongs to (its slot user), or null: the runner itself. */
export type EnvOwner = { uid: number; gid: number } | null;

/** Present in a published environment only: it was built completely and moved here whole. */
const readyMarker = ".strata-ready";
type Marker = { key: string; hash: string; builtAt: string };

/**
 * Python virtualenvs a shell runner keeps between jobs, one dir per key (a Space), one published
 * environment per key at a time: `<root>/<key>/<hash>/` where the hash names its requirements and
 * Python. Everything here is the runner's, read-only and out of every job's reach (the root and
 * the key dirs are 0700); a job gets a copy of hard links in its own work dir, whose dirs are its
 * own and whose files it can read but never change. So no job ever writes what another job uses,
 * and no job reaches another key's environment at all.
 *
 * The runner process owns its work root alone, so a lock in memory orders the publishing, pruning
 * and copying of a key; an environment appears by one rename of a complete dir with its marker,
 * so a failed or half-done install is never used.
 */
export class PythonEnvCache {
  private readonly locks = new Map<string, Promise<void>>();

  constructor(private readonly root: string) {}

  private async locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(key) ?? Promise.resolve();
    const result = before.then(work);
    const after = result.then(
      () => {},
      () => {},
    );
    this.locks.set(key, after);
    try {
      return await result;
    } finally {
      if (this.locks.get(key) === after) this.locks.delete(key);
    }
  }

  private async keyDir(key: string): Promise<string> {
    if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(key)) throw new Error(`bad environment key ${key}`);
    await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    await fs.chmod(this.root, 0o700);
    const dir = path.join(this.root, key);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /**
   * Gives `target` (a path in the job's own work dir, which must not exist) a copy of the published
   * environment `hash` of `key`: false when there is none.
   */
  async checkout(key: string, hash: string, target: string, owner: EnvOwner): Promise<boolean> {
    return this.locked(key, async () => {
      const source = path.join(await this.keyDir(key), hash);
      const marker = await readMarker(source);
      if (!marker) return false;
      await linkTree(source, target, { from: marker.builtAt, to: target }, owner);
      return true;
    });
  }

  /**
   * Takes the environment a job built at `built` (none of its processes may still run) out of the
   * job's reach as `hash` of `key` and removes the key's other ones. When the same hash was
   * published meanwhile, that one stays and `built` is dropped.
   */
  async publish(key: string, hash: string, built: string): Promise<void> {
    await this.locked(key, async () => {
      const dir = await this.keyDir(key);
      const staging = path.join(dir, `tmp-${randomBytes(6).toString("hex")}`);
      // A rename moves a link the job may have put there as a link: it must be a real dir.
      await fs.rename(built, staging);
      if (!(await fs.lstat(staging)).isDirectory()) {
        await fs.rm(staging, { force: true });
        throw new Error("the environment the job built is not a directory");
      }
      await sealTree(staging);
      const marker: Marker = { key, hash, builtAt: built };
      await fs.writeFile(path.join(staging, readyMarker), JSON.stringify(marker), { mode: 0o444 });
      const final = path.join(dir, hash);
      try {
        await fs.rename(staging, final);
      } catch (error) {
        if (!["ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) {
          throw error;
        }
        await fs.rm(staging, { recursive: true, force: true });
      }
      // Older environments of the key and what a crash left mid-publish; jobs keep their copies.
      for (const entry of await fs.readdir(dir)) {
        if (entry !== hash) await fs.rm(path.join(dir, entry), { recursive: true, force: true });
      }
    });
  }
}

async function readMarker(dir: string): Promise<Marker | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, readyMarker), "utf8")) as Marker;
  } catch {
    return null;
  }
}

/**
 * Makes a tree the runner's and read-only: files 0444 (0555 if executable), dirs 0755, no set-id
 * bits, owned by the runner; links stay links (never followed). Anything else (a fifo) is removed.
 */
async function sealTree(dir: string): Promise<void> {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      await fs.lchown(file, uid, gid);
    } else if (entry.isDirectory()) {
      await sealTree(file);
    } else if (entry.isFile()) {
      const { mode } = await fs.lstat(file);
      await fs.lchown(file, uid, gid);
      await fs.chmod(file, mode & 0o111 ? 0o555 : 0o444);
    } else {
      await fs.rm(file, { force: true });
    }
  }
  await fs.lchown(dir, uid, gid);
  await fs.chmod(dir, 0o755);
}

/**
 * Copies a sealed tree as hard links (the files stay the runner's and read-only); its dirs go to
 * `owner`, so the job may add files (`__pycache__`) to its copy. A venv's scripts name the path it
 * was built at (`#!…/bin/python`, `activate`): those in `bin/` get the copy's path instead.
 */
async function linkTree(
  source: string,
  target: string,
  paths: { from: string; to: string },
  owner: EnvOwner,
): Promise<void> {
  await fs.mkdir(target);
  // Explicitly, not by the create mode: the server's umask (077) would narrow it.
  await fs.chmod(target, 0o755);
  if (owner) await fs.lchown(target, owner.uid, owner.gid);
  for (const entry of await fs.readdir(source, { withFileTypes: true })) {
    if (entry.name === readyMarker) continue;
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      await linkTree(from, to, paths, owner);
    } else if (entry.isSymbolicLink()) {
      await fs.symlink(await fs.readlink(from), to);
    } else if (path.basename(source) === "bin" && (await namesPath(from, paths.from))) {
      const text = await fs.readFile(from, "utf8");
      await fs.writeFile(to, text.replaceAll(paths.from, paths.to));
      await fs.chmod(to, 0o555);
    } else {
      await fs.link(from, to).catch(async (error: NodeJS.ErrnoException) => {
        // The cache on another file system than the work dir: a copy, as read-only.
        if (error.code !== "EXDEV") throw error;
        await fs.copyFile(from, to);
        await fs.chmod(to, (await fs.stat(from)).mode & 0o555);
      });
    }
  }
}

/** A script (`#!`) or `activate*` of a venv's `bin/` that names the path the venv was built at. */
async function namesPath(file: string, built: string): Promise<boolean> {
  const { size } = await fs.stat(file);
  if (size > 1024 * 1024) return false;
  const text = await fs.readFile(file, "utf8");
  return (
    (text.startsWith("#!") || path.basename(file).startsWith("activate")) && text.includes(built)
  );
}
