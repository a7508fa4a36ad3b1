import { AppError } from "@/lib/errors";

/**
 * Reads a request body of at most `maxBytes`, chunk by chunk, refusing it as soon as it grows past
 * the limit (before the rest arrives) — for bodies small enough to hold, such as one log chunk.
 * Protocols with their own error shape (the OCI registry) pass the error to throw.
 */
export async function readCappedBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error = () => payloadTooLarge(maxBytes),
): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, size);
}

function payloadTooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `Send at most ${maxBytes} bytes per request.`);
}

/** A JSON body parsed leniently: an empty body is `{}`; malformed JSON is a 400. */
export async function readJsonBody(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const raw = await readCappedBody(request, maxBytes);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
