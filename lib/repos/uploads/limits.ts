// Client-safe limits of browser uploads and edits, shared by the server and the upload UI.

/** One file uploaded through the browser (HF's limit for a single file is 50 GB as well). */
export const maxWebUploadBytes = 50 * 1024 ** 3;

/** How long an uploaded file waits to be committed before it is swept. */
export const stagedUploadTtlMs = 24 * 60 * 60 * 1000;

/** Uploaded-but-uncommitted files one user may have at once (one full commit's worth). */
export const maxStagedPerUser = 1000;

/** Text files up to this size are shown and can be edited in the browser. */
export const maxEditableBytes = 1024 * 1024;

/** A commit request's JSON body (inline edits included) may not be larger than this. */
export const maxCommitRequestBytes = 4 * 1024 * 1024;
