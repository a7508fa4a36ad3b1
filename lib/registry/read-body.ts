import { RegistryError } from "./errors";

/**
 * Reads a small request body (a manifest, a token form) into memory, refusing with 413 as soon
 * as it exceeds `max` bytes; large bodies (blobs) are streamed elsewhere and never come here.
 */
export async function readBoundedBody(
  request: Request,
  max: number,
  what: string,
): Promise<Buffer> {
  const tooLarge = () =>
    new RegistryError("SIZE_INVALID", `The ${what} is larger than ${max} bytes.`, { status: 413 });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
