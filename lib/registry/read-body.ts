import { readCappedBody } from "@/lib/http/request-body";

import { RegistryError } from "./errors";

/**
 * Reads a small request body (a manifest, a token form) into memory, refusing with 413 as soon
 * as it exceeds `max` bytes; large bodies (blobs) are streamed elsewhere and never come here.
 */
export function readBoundedBody(request: Request, max: number, what: string): Promise<Buffer> {
  return readCappedBody(
    request,
    max,
    () =>
      new RegistryError("SIZE_INVALID", `The ${what} is larger than ${max} bytes.`, {
        status: 413,
      }),
  );
}
