import "server-only";

import fsp from "node:fs/promises";
import { Readable } from "node:stream";

import { getBlobStore, type ByteRange } from "./blob-store";

const chunkBytes = 1024 * 1024;

/** A body that is a plain file's bytes: the front sends these with `fs.createReadStream`. */
export type FileBody = { path: string; start: number; end?: number };

const fileBodies = new WeakMap<ReadableStream<Uint8Array>, FileBody>();

/** The file behind a response body made by `blobWebStream`, if it is one. */
export function fileBehind(body: ReadableStream<Uint8Array> | null): FileBody | undefined {
  return body ? fileBodies.get(body) : undefined;
}
/** Read ahead of the socket: the next chunks come off the disk while earlier ones are being sent. */
const readAheadBytes = 4 * chunkBytes;

/**
 * A blob (or a range of it) as a response body, read from its local file in 1 MiB chunks with a
 * few MiB of read-ahead. Faster than `Readable.toWeb(fs.createReadStream())`, whose adapter moves
 * data one small step at a time: large downloads (LFS files, image layers) go through here.
 */
export function blobWebStream(sha256: string, range?: ByteRange): ReadableStream<Uint8Array> {
  const store = getBlobStore();
  const file = store.localPath(sha256);
  if (!file) return Readable.toWeb(store.read(sha256, range)) as ReadableStream<Uint8Array>;
  let handle: fsp.FileHandle | null = null;
  let cancelled = false;
  let position = range?.start ?? 0;
  let end = range ? range.end + 1 : Number.POSITIVE_INFINITY;
  const close = async () => {
    cancelled = true;
    await handle?.close();
    handle = null;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      // Opened by the first pull, not at construction, and closed again when the stream was
      // cancelled meanwhile (the front sends the file itself and cancels this body).
      async pull(controller) {
        if (!handle) {
          const opened = await fsp.open(file, "r");
          // Cancelled while opening (the front sends the file itself): nothing may stay open.
          if (cancelled) return void (await opened.close());
          handle = opened;
          if (!range) end = (await handle.stat()).size;
        }
        const wanted = Math.min(chunkBytes, end - position);
        const buffer = Buffer.allocUnsafe(Math.max(wanted, 0));
        const { bytesRead } =
          wanted > 0 && handle ? await handle.read(buffer, 0, wanted, position) : { bytesRead: 0 };
        if (bytesRead === 0) {
          await close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(buffer.subarray(0, bytesRead));
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: readAheadBytes }),
  );
  fileBodies.set(stream, { path: file, start: range?.start ?? 0, end: range?.end });
  return stream;
}
