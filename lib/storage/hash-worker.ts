import "server-only";

import { createHash, type Hash } from "node:crypto";
import { Worker } from "node:worker_threads";

/**
 * sha256 of uploads on the second core. Receiving, writing and hashing an upload in one thread
 * tops out at the speed of sha256 (bench/README.md, "Model files"); here the batches an upload is
 * written in are also copied into a buffer shared with one long-lived worker thread, which hashes
 * one batch while the main thread receives and writes the next.
 *
 * The worker runs from source text (`hashWorkerMain` below, sent with `eval`), not from a file:
 * the same code is bundled twice, into Next's server chunks and into the protocol front
 * (.next/strata/front.mjs), and a separate entry file would have to be found from both.
 * `STRATA_HASH_WORKER=off` hashes in the main thread, as before (for benchmarks).
 */

/** A body whose first batch is smaller than this is hashed in place: the round trip costs more. */
export const minWorkerBatchBytes = 1024 * 1024;

/** Incremental sha256 of a stream that arrives in batches of chunks. */
export interface BatchHash {
  /**
   * Feeds the next batch. The chunks are copied (or hashed) before this returns, so the caller
   * may reuse them; the promise settles once the batch is hashed. Await it before the next call.
   */
  update(chunks: readonly Uint8Array[], size: number): Promise<void>;
  /** The hex digest of every byte fed; the hash is disposed of afterwards. */
  digest(): Promise<string>;
  /** Frees the hash without a digest (after an error, or when it is abandoned); idempotent. */
  dispose(): void;
}

type WorkerRequest =
  | { op: "update"; id: number; buffer: SharedArrayBuffer; length: number }
  | { op: "digest"; id: number }
  | { op: "drop"; id: number }
  | { op: "crash" };

type WorkerReply = { id: number; digest?: string };

/**
 * The worker's whole program. It is sent as source text, so it must not use anything from outside
 * its own body (modules come from `process.getBuiltinModule`, which bundlers leave alone).
 */
function hashWorkerMain(): void {
  const { parentPort } = process.getBuiltinModule("node:worker_threads");
  const crypto = process.getBuiltinModule("node:crypto");
  const hashes = new Map<number, Hash>();
  parentPort!.on("message", (message: WorkerRequest) => {
    if (message.op === "crash") throw new Error("hash worker crash (requested by a test)");
    if (message.op === "drop") {
      hashes.delete(message.id);
      return;
    }
    let hash = hashes.get(message.id);
    if (!hash) {
      hash = crypto.createHash("sha256");
      hashes.set(message.id, hash);
    }
    if (message.op === "update") {
      hash.update(new Uint8Array(message.buffer, 0, message.length));
      parentPort!.postMessage({ id: message.id } satisfies WorkerReply);
    } else {
      hashes.delete(message.id);
      parentPort!.postMessage({ id: message.id, digest: hash.digest("hex") } satisfies WorkerReply);
    }
  });
}

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };

type Pool = {
  worker: Worker | null;
  /** Bumped when a worker dies: hashes started on an older one can only fail. */
  generation: number;
  nextId: number;
  pending: Map<number, Pending>;
  /** Copy buffers of finished hashes, kept for the next ones (at most `maxSpareBuffers`). */
  spare: SharedArrayBuffer[];
  stats: HashWorkerStats;
};

export type HashWorkerStats = {
  /** Workers started (more than one means a worker died and was replaced). */
  started: number;
  /** Bytes hashed in the worker, and in the main thread by the small-body and `off` paths. */
  workerBytes: number;
  mainBytes: number;
  /** Copy buffers allocated so far: they are reused, so this stays at the peak of parallel uploads. */
  buffersCreated: number;
  /** Hashes waiting for the worker's answer. */
  pending: number;
};

const maxSpareBuffers = 2;
const bufferStep = 1024 * 1024;

// One pool per process, shared by every bundled copy of this module (Next's route chunks and the
// protocol front each have their own).
const globalForPool = globalThis as unknown as { strataHashPool?: Pool };

function pool(): Pool {
  globalForPool.strataHashPool ??= {
    worker: null,
    generation: 0,
    nextId: 1,
    pending: new Map(),
    spare: [],
    stats: { started: 0, workerBytes: 0, mainBytes: 0, buffersCreated: 0, pending: 0 },
  };
  return globalForPool.strataHashPool;
}

function workerOf(state: Pool): Worker {
  if (state.worker) return state.worker;
  const worker = new Worker(`(${hashWorkerMain.toString()})()`, { eval: true });
  worker.on("message", (reply: WorkerReply) => {
    const waiting = state.pending.get(reply.id);
    state.pending.delete(reply.id);
    waiting?.resolve(reply);
  });
  let failure: Error | null = null;
  worker.on("error", (error) => {
    failure = error;
  });
  worker.on("exit", (code) => {
    if (state.worker !== worker) return;
    // Every hash in it is lost: its uploads fail, and the next upload starts a fresh worker.
    state.worker = null;
    state.generation += 1;
    const error = new Error(
      `The hashing worker stopped (${failure?.message ?? `exit code ${code}`}).`,
    );
    for (const waiting of state.pending.values()) waiting.reject(error);
    state.pending.clear();
    console.error(`[strata] ${error.message} A new one starts with the next upload.`);
  });
  // An idle worker must not keep the process alive. After the listeners: adding a "message"
  // listener refs the worker's port again.
  worker.unref();
  state.worker = worker;
  state.stats.started += 1;
  // Once per process (and after a crash): shows in the server log that uploads use the worker.
  console.info(`[strata] hashing uploads in worker thread ${worker.threadId}`);
  return worker;
}

function takeBuffer(state: Pool, size: number): SharedArrayBuffer {
  const index = state.spare.findIndex((buffer) => buffer.byteLength >= size);
  if (index >= 0) return state.spare.splice(index, 1)[0]!;
  state.stats.buffersCreated += 1;
  return new SharedArrayBuffer(Math.ceil(size / bufferStep) * bufferStep);
}

/** A hash kept in the worker: one batch at a time is copied into a shared buffer and hashed there. */
class WorkerHash implements BatchHash {
  private readonly state = pool();
  private readonly id = this.state.nextId++;
  private readonly generation: number;
  private readonly worker: Worker;
  private buffer: SharedArrayBuffer | null = null;
  private busy = false;
  private disposed = false;

  constructor() {
    this.worker = workerOf(this.state);
    this.generation = this.state.generation;
  }

  private request(message: WorkerRequest & { id: number }): Promise<WorkerReply> {
    if (this.disposed) return Promise.reject(new Error("This hash was disposed of."));
    if (this.generation !== this.state.generation)
      return Promise.reject(new Error("The hashing worker stopped during this upload."));
    if (this.busy) throw new Error("A batch is still being hashed; await it first.");
    this.busy = true;
    const { pending } = this.state;
    // Only a worker with work keeps the process alive (a script awaiting a digest must not exit).
    if (pending.size === 0) this.worker.ref();
    return new Promise<WorkerReply>((resolve, reject) => {
      pending.set(this.id, { resolve, reject });
      this.worker.postMessage(message);
    }).finally(() => {
      this.busy = false;
      if (pending.size === 0) this.worker.unref();
    });
  }

  update(chunks: readonly Uint8Array[], size: number): Promise<void> {
    if (this.busy) throw new Error("A batch is still being hashed; await it first.");
    if (!this.buffer || this.buffer.byteLength < size) {
      this.release();
      this.buffer = takeBuffer(this.state, size);
    }
    const view = new Uint8Array(this.buffer);
    let at = 0;
    for (const chunk of chunks) {
      view.set(chunk, at);
      at += chunk.byteLength;
    }
    this.state.stats.workerBytes += size;
    const buffer = this.buffer;
    return this.request({ op: "update", id: this.id, buffer, length: size }).then(() => undefined);
  }

  async digest(): Promise<string> {
    try {
      const reply = await this.request({ op: "digest", id: this.id });
      return reply.digest!;
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.generation === this.state.generation && this.state.worker === this.worker)
      this.worker.postMessage({ op: "drop", id: this.id } satisfies WorkerRequest);
    // A buffer the worker may still be reading is left to the garbage collector.
    if (!this.busy) this.release();
    this.buffer = null;
  }

  private release(): void {
    if (!this.buffer) return;
    // The largest are kept: a small one left over from a small upload would fit no batch later.
    const { spare } = this.state;
    spare.push(this.buffer);
    spare.sort((a, b) => b.byteLength - a.byteLength);
    spare.length = Math.min(spare.length, maxSpareBuffers);
    this.buffer = null;
  }
}

class LocalHash implements BatchHash {
  private readonly hash: Hash = createHash("sha256");
  update(chunks: readonly Uint8Array[], size: number): Promise<void> {
    for (const chunk of chunks) this.hash.update(chunk);
    pool().stats.mainBytes += size;
    return Promise.resolve();
  }
  digest(): Promise<string> {
    return Promise.resolve(this.hash.digest("hex"));
  }
  dispose(): void {}
}

const workerEnabled = () => process.env.STRATA_HASH_WORKER !== "off";

/**
 * A new incremental sha256. Where it runs is decided by the first batch: in the worker when that
 * batch is at least `minWorkerBatchBytes` (and the worker is not switched off), else in place.
 */
export function createBatchHash(): BatchHash {
  let inner: BatchHash | null = null;
  const choose = (size: number) =>
    (inner ??= workerEnabled() && size >= minWorkerBatchBytes ? new WorkerHash() : new LocalHash());
  return {
    update: (chunks, size) => choose(size).update(chunks, size),
    digest: () => choose(0).digest(),
    dispose: () => inner?.dispose(),
  };
}

export function hashWorkerStats(): HashWorkerStats {
  const state = pool();
  return { ...state.stats, pending: state.pending.size };
}

/** Makes the worker throw, as a crash would (tests only). */
export function crashHashWorker(): void {
  pool().worker?.postMessage({ op: "crash" } satisfies WorkerRequest);
}
