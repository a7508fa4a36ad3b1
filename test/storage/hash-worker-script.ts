// A short-lived script that writes one upload through the hashing worker and prints whether the
// digest is right (lib/storage/hash-worker.test.ts): it must neither exit before the digest
// arrives nor be kept alive by the idle worker afterwards.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";

import { hashWorkerStats } from "@/lib/storage/hash-worker";
import { writeNewFile } from "@/lib/storage/write-stream";

const data = randomBytes(8 * 1024 * 1024);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hash-script-")), "upload");
const written = await writeNewFile(file, Readable.from([data]), { batchBytes: 4 * 1024 * 1024 });
fs.rmSync(path.dirname(file), { recursive: true });
const expected = createHash("sha256").update(data).digest("hex");
console.log(JSON.stringify({ ok: written.sha256 === expected, stats: hashWorkerStats() }));
