import { z } from "zod";

import { AppError, describeZodError } from "@/lib/errors";

/** The largest LFS object we accept (HF's per-file limit is 50 GB). */
export const maxLfsObjectBytes = 50 * 1024 ** 3;

/** HF clients send 100 objects per batch, git-lfs 100 by default. */
const maxBatchObjects = 1000;

const batchSchema = z.object({
  operation: z.enum(["download", "upload"], {
    message: 'operation must be "download" or "upload"',
  }),
  transfers: z.array(z.string().max(64)).max(20).optional(),
  ref: z.object({ name: z.string().max(1024) }).nullish(),
  objects: z
    .array(z.object({ oid: z.string().max(128), size: z.number().int().min(0) }))
    .max(maxBatchObjects, `Send at most ${maxBatchObjects} objects per batch.`),
  // JS sends "sha_256", git-lfs and Python "sha256".
  hash_algo: z.string().max(32).optional(),
});

export type BatchRequest = z.infer<typeof batchSchema>;

/** Validates a batch request body; a body that is not a batch request is a 422, as the LFS spec asks. */
export function parseBatchRequest(body: unknown): BatchRequest {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError("unprocessable", `Invalid batch request: ${describeZodError(parsed.error)}`);
  const algo = parsed.data.hash_algo;
  if (algo !== undefined && algo !== "sha256" && algo !== "sha_256") {
    throw new AppError(
      "conflict",
      `Unsupported hash algorithm "${algo}"; this server uses sha256.`,
    );
  }
  if (parsed.data.transfers && !parsed.data.transfers.includes("basic")) {
    throw new AppError("unprocessable", 'This server offers only the "basic" transfer adapter.');
  }
  return parsed.data;
}

export type ObjectProblem = { code: number; message: string } | null;

/** What is wrong with one requested object before looking at storage, if anything. */
export function objectProblem(object: { oid: string; size: number }): ObjectProblem {
  if (!/^[0-9a-f]{64}$/.test(object.oid))
    return { code: 422, message: "The oid must be a sha256 (64 lower-case hex characters)." };
  if (object.size > maxLfsObjectBytes)
    return {
      code: 422,
      message: `Objects larger than ${maxLfsObjectBytes} bytes are not accepted.`,
    };
  return null;
}
