import { AppError } from "@/lib/errors";

/**
 * Parses newline-delimited JSON as it streams in: one value per line, blank lines skipped. Only
 * the current line is held in memory, and a line longer than `maxLineBytes` is refused before it
 * is complete (413), so a request body of any size never has to fit in memory.
 */
export async function* readNdjson(
  stream: AsyncIterable<Uint8Array>,
  options: { maxLineBytes: number },
): AsyncGenerator<{ value: unknown; line: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  const finish = (tail: Buffer): { value: unknown; line: number } | null => {
    const text = Buffer.concat([...parts, tail])
      .toString("utf8")
      .trim();
    parts = [];
    size = 0;
    line += 1;
    if (text === "") return null;
    try {
      return { value: JSON.parse(text) as unknown, line };
    } catch {
      throw new AppError("bad_request", `Line ${line} of the body is not valid JSON.`);
    }
  };
  for await (const chunk of stream) {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let newline: number;
    while ((newline = data.indexOf(0x0a)) >= 0) {
      if (size + newline > options.maxLineBytes) throw tooLong(line + 1, options.maxLineBytes);
      const parsed = finish(data.subarray(0, newline));
      if (parsed) yield parsed;
      data = data.subarray(newline + 1);
    }
    if (data.length > 0) {
      size += data.length;
      if (size > options.maxLineBytes) throw tooLong(line + 1, options.maxLineBytes);
      // Copy: the caller's chunk buffer may be reused once we return it.
      parts.push(Buffer.from(data));
    }
  }
  const last = finish(Buffer.alloc(0));
  if (last) yield last;
}

function tooLong(line: number, max: number): AppError {
  return new AppError(
    "payload_too_large",
    `Line ${line} is longer than ${max} bytes. Send large files through LFS (preupload marks them "lfs"), not inline.`,
  );
}
