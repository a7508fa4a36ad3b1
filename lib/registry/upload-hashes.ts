import "server-only";

import { createHash, type Hash } from "node:crypto";

/**
 * Running sha256 states of upload sessions, so that closing an upload need not read the whole
 * file again to verify its digest. A state is only good for the bytes it has seen: it records the
 * offset it covers and is used only while that equals the session's offset. Chunks handled by
 * another server process, or a chunk that failed half-way, leave it behind; it is then dropped and
 * the upload is verified by reading the file, as before.
 */
type UploadHash = { hash: Hash; offset: number };

const states = new Map<string, UploadHash>();
/** Abandoned uploads must not pile up: the oldest states go first (they only cost a re-read). */
const maxStates = 1000;

/**
 * The hash to feed the bytes appended at `offset`: a fresh one for an append at 0, the running
 * one when it covers exactly the bytes before `offset`, else null (verify by reading instead).
 */
export function uploadHashAt(id: string, offset: number): Hash | null {
  const state = states.get(id);
  states.delete(id);
  if (offset === 0) return createHash("sha256");
  return state?.offset === offset ? state.hash : null;
}

/** Keeps the hash after a successful append that brought the upload to `offset`. */
export function keepUploadHash(id: string, hash: Hash, offset: number): void {
  states.set(id, { hash, offset });
  if (states.size > maxStates) states.delete(states.keys().next().value!);
}

/**
 * The hex sha256 of an upload whose bytes `[0, offset)` were all hashed as they arrived; null
 * otherwise. The state is consumed either way.
 */
export function takeUploadDigest(id: string, offset: number): string | null {
  const state = states.get(id);
  states.delete(id);
  return state?.offset === offset ? state.hash.digest("hex") : null;
}

export function forgetUploadHash(id: string): void {
  states.delete(id);
}
