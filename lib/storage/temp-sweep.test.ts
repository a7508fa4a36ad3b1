import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { getConfig } from "@/lib/config";
import { formatRegistryGcReport, runRegistryGc } from "@/lib/registry/gc";
import { getBlobStore } from "@/lib/storage/blob-store";

import { staleTempAfterMs, sweepStaleTempFiles, sweepStaleTempFilesAtStart } from "./temp-sweep";

const hour = 3600_000;

/** A temp file as a crashed process leaves it, last written `ageMs` ago. */
function leftover(file: string, bytes: number, ageMs: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.alloc(bytes, 1));
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(file, at, at);
  return file;
}

function tempFile(label: string, bytes: number, ageMs: number): string {
  return leftover(getBlobStore().tempPath(label), bytes, ageMs);
}

describe("sweeping stale temp files", () => {
  it("keeps anything younger than the longest allowed upload", () => {
    expect(staleTempAfterMs).toBeGreaterThanOrEqual(24 * hour);
  });

  it("removes old leftovers of uploads, commits and quarantines at start, and keeps young ones", async () => {
    const old = staleTempAfterMs + hour;
    const stale = [
      tempFile("write", 1000, old),
      tempFile("hf-commit", 200, old),
      tempFile("commit", 300, old),
      tempFile("oci-upload", 400, old),
    ];
    const quarantine = path.join(
      getConfig().dataDir,
      "git",
      "models",
      "crash",
      "left.git",
      "objects",
      "incoming-strata-x",
    );
    leftover(path.join(quarantine, "pack", "tmp_pack"), 500, old);
    for (const dir of [path.join(quarantine, "pack"), quarantine]) {
      fs.utimesSync(dir, new Date(Date.now() - old), new Date(Date.now() - old));
    }
    const young = [
      tempFile("write", 10, hour),
      tempFile("web-upload", 10, 23 * hour),
      tempFile("oci-upload", 10, 0),
    ];

    await sweepStaleTempFilesAtStart();

    for (const file of stale) expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(quarantine)).toBe(false);
    for (const file of young) expect(fs.existsSync(file)).toBe(true);
    for (const file of young) fs.rmSync(file);
  });

  it("is part of registry:gc, which reports the bytes (or, dry, what it would free)", async () => {
    await sweepStaleTempFiles(); // nothing left from other tests
    const file = tempFile("write", 2_000_000, staleTempAfterMs + hour);
    const kept = tempFile("write", 5, hour);

    const dry = await runRegistryGc({ dryRun: true });
    expect(dry.tempFiles).toEqual({ count: 1, bytes: 2_000_000 });
    expect(formatRegistryGcReport(dry)).toContain("1 stale temp file(s), 2.0 MB");
    expect(fs.existsSync(file)).toBe(true);

    const real = await runRegistryGc({});
    expect(real.tempFiles).toEqual({ count: 1, bytes: 2_000_000 });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(kept)).toBe(true);
    fs.rmSync(kept);
  });

  it("leaves nothing behind when a streaming write is cut off mid-way", async () => {
    const store = getBlobStore();
    const tmpDir = path.dirname(store.tempPath());
    const before = new Set(fs.readdirSync(tmpDir));
    const body = new Readable({ read() {} });
    body.push(Buffer.alloc(64 * 1024, 2));
    setTimeout(() => body.destroy(new Error("connection reset")), 10);
    await expect(store.write(body)).rejects.toThrow("connection reset");
    expect(fs.readdirSync(tmpDir).filter((name) => !before.has(name))).toEqual([]);
  });
});
