// The upload write path alone, from memory: 1 GiB through writeNewFile (batches, writes, sha256)
// with the hashing worker and with STRATA_HASH_WORKER=off, alternating (bench/README.md).
//   npx tsx --conditions=react-server bench/hash-worker-bench.ts   # SIZE_MB=1024 ROUNDS=2
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { writeNewFile } from "@/lib/storage/write-stream";

const sizeMb = Number(process.env.SIZE_MB ?? 1024);
const rounds = Number(process.env.ROUNDS ?? 2);
const chunk = randomBytes(64 * 1024); // the size Node's socket reads arrive in
const dir = fs.mkdtempSync(path.join(process.env.WORK ?? os.tmpdir(), "hash-bench-"));

async function* body() {
  for (let sent = 0; sent < sizeMb * 1024 * 1024; sent += chunk.length) {
    yield chunk;
    if (sent % (1024 * 1024) === 0) await new Promise(setImmediate); // let I/O run, like a socket
  }
}

console.log("mode\tMiB/s\tprocess CPU ms\tmain thread busy ms");
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of ["on", "off"]) {
      process.env.STRATA_HASH_WORKER = mode;
      const file = path.join(dir, `upload-${round}-${mode}`);
      const [start, cpu, loop] = [
        performance.now(),
        process.cpuUsage(),
        performance.eventLoopUtilization(),
      ];
      await writeNewFile(file, body(), { batchBytes: 4 * 1024 * 1024 });
      const seconds = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      const busy = performance.eventLoopUtilization(loop).active;
      console.log(
        `${mode}\t${(sizeMb / seconds).toFixed(0)}\t${((used.user + used.system) / 1000).toFixed(0)}\t${busy.toFixed(0)}`,
      );
      fs.rmSync(file);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
