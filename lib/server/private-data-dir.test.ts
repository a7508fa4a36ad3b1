import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { databaseFile } from "@/db/client";
import { getConfig } from "@/lib/config";
import { repoGitDir } from "@/lib/hub/paths";
import { getBlobStore } from "@/lib/storage/blob-store";
import { gitWithInput, makeRepo } from "@/test/hub";

import { makeDataDirPrivate } from "./private-data-dir";

const modeOf = (file: string) => fs.lstatSync(file).mode & 0o777;

/** Every entry under `dir` (links excluded) with its mode. */
function modesUnder(dir: string): Array<[string, number]> {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => !fs.lstatSync(file).isSymbolicLink())
    .map((file) => [file, modeOf(file)]);
}

// A laxer umask than the server sets, so these tests show that each writer sets its modes itself.
let previousUmask = 0;
beforeAll(() => {
  previousUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(previousUmask);
});

describe("the data dir at start", () => {
  it("creates a missing data dir owner-only", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "strata-private-")), "data");
    const lines: string[] = [];
    expect(makeDataDirPrivate(dir, (line) => lines.push(line))).toEqual({ fixed: 0 });
    expect(modeOf(dir)).toBe(0o700);
    expect(lines).toEqual([]);
    expect(process.umask(0o022)).toBe(0o077);
  });

  it("takes group and other access from an older install's entries, with a log line", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-private-"));
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, "git", "models", "alice", "secret.git"), { recursive: true });
    for (const sub of ["git", "git/models", "git/models/alice", "git/models/alice/secret.git"]) {
      fs.chmodSync(path.join(dir, sub), 0o755);
    }
    fs.writeFileSync(path.join(dir, "strata.db"), "db", { mode: 0o644 });
    fs.writeFileSync(path.join(dir, "git/models/alice/secret.git/HEAD"), "ref", { mode: 0o664 });
    fs.writeFileSync(path.join(dir, "run.sh"), "#!/bin/sh", { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "already-private"), "", { mode: 0o600 });
    // A link is not followed: what it points at outside the data dir keeps its mode.
    const outside = path.join(os.tmpdir(), `strata-outside-${process.pid}`);
    fs.writeFileSync(outside, "", { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dir, "link"));

    const lines: string[] = [];
    expect(makeDataDirPrivate(dir, (line) => lines.push(line))).toEqual({ fixed: 8 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dir);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "strata.db"))).toBe(0o600);
    expect(modeOf(path.join(dir, "run.sh"))).toBe(0o700);
    expect(modesUnder(dir).filter(([, mode]) => mode & 0o077)).toEqual([]);
    expect(modeOf(outside)).toBe(0o644);
    fs.rmSync(outside);

    // A second start finds nothing to fix and says nothing.
    expect(makeDataDirPrivate(dir, (line) => lines.push(line))).toEqual({ fixed: 0 });
    expect(lines).toHaveLength(1);
  });
});

describe("what the server writes into the data dir", () => {
  it("is owner-only whatever the umask: database, blobs and git repositories", async () => {
    process.umask(0o022);
    const db = databaseFile();
    expect(path.dirname(db)).toBe(getConfig().dataDir);
    for (const file of [db, `${db}-wal`, `${db}-shm`].filter((f) => fs.existsSync(f))) {
      expect([file, modeOf(file)]).toEqual([file, 0o600]);
    }

    const blobs = getBlobStore();
    const info = await blobs.write(Readable.from([Buffer.from(`private bytes ${Math.random()}`)]));
    const blobFile = path.join(getConfig().dataDir, "blobs", "sha256", info.sha256.slice(0, 2));
    expect(modeOf(blobFile)).toBe(0o700);
    expect(modesUnder(blobFile).filter(([, mode]) => mode & 0o077)).toEqual([]);

    const repo = await makeRepo();
    gitWithInput(repo, ["hash-object", "-w", "--stdin"], "a later object\n");
    const gitDir = repoGitDir(repo);
    expect(modeOf(gitDir) & 0o077).toBe(0);
    expect(modesUnder(gitDir).filter(([, mode]) => mode & 0o077)).toEqual([]);
  });
});
