/**
 * Limits of the repository store, shared by the server and the upload UI (no server imports).
 *
 * LFS threshold: HF's documentation says files over "10MB" must use LFS, and its git pre-receive
 * hook refuses pushes with "files larger than 10 MiB" (10,485,760 bytes). We use 10,000,000 bytes,
 * at or below both readings, so every file the Hub would refuse in plain git is LFS here as well.
 */
export const lfsThresholdBytes = 10_000_000;

/** The most add/delete operations one commit may carry. */
export const maxCommitOperations = 1000;

/** A commit message longer than this is refused (git has no limit; pages and logs do). */
export const maxCommitMessageBytes = 64 * 1024;

/** `.gitattributes` files larger than this are not parsed for LFS rules. */
export const maxGitattributesBytes = 1024 * 1024;

/** Git LFS pointer files are always smaller than this (spec). */
export const maxLfsPointerBytes = 1024;
