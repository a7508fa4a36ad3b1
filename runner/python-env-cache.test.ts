// The runner's store of Python environments: publish by one rename with a marker, copies of hard
// links for jobs, one environment per key, nothing half-built or planted ever used.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { PythonEnvCache } from "./python-env-cache";

const isRoot = process.getuid?.() === 0;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-env-cache-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a job's `python -m venv` + pip leave: a script naming where it was built, a package. */
function buildEnv(at: string, value: string): string {
  fs.mkdirSync(path.join(at, "bin"), { recursive: true });
  fs.mkdirSync(path.join(at, "lib", "pkg"), { recursive: true });
  fs.writeFileSync(path.join(at, "bin", "tool"), `#!${at}/bin/python\nprint(1)\n`, { mode: 0o775 });
  fs.symlinkSync("/usr/bin/python3", path.join(at, "bin", "python"));
  fs.writeFileSync(path.join(at, "lib", "pkg", "value.txt"), value, { mode: 0o666 });
  fs.chmodSync(path.join(at, "lib", "pkg", "value.txt"), 0o4666);
  return at;
}

const mode = (file: string) => fs.lstatSync(file).mode & 0o7777;

describe("PythonEnvCache", () => {
  it("publishes a built environment sealed, and checks out linked copies with their own paths", async () => {
    const cache = new PythonEnvCache(path.join(dir, "envs"));
    const built = buildEnv(path.join(dir, "job-1", ".venv"), "one");
    expect(await cache.checkout("space-1", "aaaa", path.join(dir, "x"), null)).toBe(false);
    await cache.publish("space-1", "aaaa", built);
    expect(fs.existsSync(built)).toBe(false);
    const stored = path.join(dir, "envs", "space-1", "aaaa");
    expect(mode(path.join(dir, "envs"))).toBe(0o700);
    expect(mode(path.join(dir, "envs", "space-1"))).toBe(0o700);
    // No write bits, no set-id bits; the link stays a link.
    expect(mode(path.join(stored, "lib", "pkg", "value.txt"))).toBe(0o444);
    expect(mode(path.join(stored, "bin", "tool"))).toBe(0o555);
    expect(fs.readlinkSync(path.join(stored, "bin", "python"))).toBe("/usr/bin/python3");

    const owner = isRoot ? { uid: 3_700_100, gid: 3_700_100 } : null;
    const copy = path.join(dir, "job-2", ".venv");
    fs.mkdirSync(path.dirname(copy));
    expect(await cache.checkout("space-1", "aaaa", copy, owner)).toBe(true);
    const value = path.join(copy, "lib", "pkg", "value.txt");
    expect(fs.readFileSync(value, "utf8")).toBe("one");
    expect(fs.statSync(value).ino).toBe(
      fs.statSync(path.join(stored, "lib", "pkg", "value.txt")).ino,
    );
    expect(fs.readFileSync(path.join(copy, "bin", "tool"), "utf8")).toBe(
      `#!${copy}/bin/python\nprint(1)\n`,
    );
    expect(fs.existsSync(path.join(copy, ".strata-ready"))).toBe(false);
    if (owner) {
      expect(fs.statSync(path.join(copy, "lib")).uid).toBe(owner.uid);
      expect(fs.statSync(value).uid).toBe(0);
    }
  });

  it("never checks out an environment without its marker, and drops older ones on publish", async () => {
    const cache = new PythonEnvCache(path.join(dir, "envs"));
    // What a crash mid-install or mid-publish leaves: a dir of the hash's name, a staging dir.
    buildEnv(path.join(dir, "envs", "space-1", "bbbb"), "half");
    buildEnv(path.join(dir, "envs", "space-1", "tmp-0123"), "half");
    expect(await cache.checkout("space-1", "bbbb", path.join(dir, "x"), null)).toBe(false);
    await cache.publish("space-1", "cccc", buildEnv(path.join(dir, "job-1", ".venv"), "new"));
    expect(fs.readdirSync(path.join(dir, "envs", "space-1"))).toEqual(["cccc"]);
  });

  it("keeps one environment when two jobs publish the same one at once", async () => {
    const cache = new PythonEnvCache(path.join(dir, "envs"));
    await Promise.all([
      cache.publish("space-1", "dddd", buildEnv(path.join(dir, "job-1", ".venv"), "a")),
      cache.publish("space-1", "dddd", buildEnv(path.join(dir, "job-2", ".venv"), "b")),
    ]);
    expect(fs.readdirSync(path.join(dir, "envs", "space-1"))).toEqual(["dddd"]);
    const copy = path.join(dir, "copy");
    expect(await cache.checkout("space-1", "dddd", copy, null)).toBe(true);
    expect(fs.readFileSync(path.join(copy, "lib", "pkg", "value.txt"), "utf8")).toBe("a");
  });

  it("refuses a link in place of the built environment, and keys that are paths", async () => {
    const cache = new PythonEnvCache(path.join(dir, "envs"));
    const elsewhere = buildEnv(path.join(dir, "elsewhere"), "x");
    fs.mkdirSync(path.join(dir, "job-1"));
    fs.symlinkSync(elsewhere, path.join(dir, "job-1", ".venv"));
    await expect(
      cache.publish("space-1", "eeee", path.join(dir, "job-1", ".venv")),
    ).rejects.toThrow("not a directory");
    expect(fs.readdirSync(path.join(dir, "envs", "space-1"))).toEqual([]);
    expect(mode(path.join(elsewhere, "lib", "pkg", "value.txt"))).toBe(0o4666);
    await expect(cache.checkout("../space-1", "eeee", path.join(dir, "y"), null)).rejects.toThrow(
      "bad environment key",
    );
  });
});
