import "server-only";

import { createBatchHash, type BatchHash } from "@/lib/storage/hash-worker";

/**
 * Running sha256 states of upload sessions, so that closing an upload need not read the whole
 * file again to verify its digest. A state is only good for the bytes it has seen: it records the
 * offset it covers and is used only while that equals the session's offset. Chunks handled by
 * another server process, a chunk that failed half-way, or a hashing worker that stopped leave it
 * behind; it is then dropped and the upload is verified by reading the file, as before.
 */
type UploadHash = { hash: BatchHash; offset: number };

const states = new Map<string, UploadHash>();
/** Abandoned uploads must not pile up: the oldest states go first (they only cost a re-read). */
const maxStates = 1000;

function drop(id: string): UploadHash | undefined {
  const state = states.get(id);
  states.delete(id);
  return state;
}

/**
 * The hash to feed the bytes appended at `offset`: a fresh one for an append at 0, the running
 * one when it covers exactly the bytes before `offset`, else null (verify by reading instead).
 * The caller owns it: it hands it back with `keepUploadHash` or disposes of it.
 */
export function uploadHashAt(id: string, offset: number): BatchHash | null {
  const state = drop(id);
  if (state?.offset === offset && offset > 0) return state.hash;
  state?.hash.dispose();
  return offset === 0 ? createBatchHash() : null;
}

/** Keeps the hash after a successful append that brought the upload to `offset`. */
export function keepUploadHash(id: string, hash: BatchHash, offset: number): void {
  drop(id)?.hash.dispose();
  states.set(id, { hash, offset });
  if (states.size > maxStates) drop(states.keys().next().value!)?.hash.dispose();
}

/**
 * The hex sha256 of an upload whose bytes `[0, offset)` were all hashed as they arrived; null
 * otherwise (also when the hashing worker stopped). The state is consumed either way.
 */
export async function takeUploadDigest(id: string, offset: number): Promise<string | null> {
  const state = drop(id);
  if (state?.offset !== offset) {
    state?.hash.dispose();
    return null;
  }
  return state.hash.digest().catch(() => null);
}

export function forgetUploadHash(id: string): void {
  drop(id)?.hash.dispose();
}
