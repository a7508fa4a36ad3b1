import { readPkts } from "./pkt-line";

/** One ref update a client asks `git receive-pack` for. A zero oid means "create" (old) or "delete" (new). */
export type PushCommand = { ref: string; before: string | null; after: string | null };

const commandPattern = /^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) (\S+)$/;
const zero = /^0+$/;

/** The command list is small; a client that sends more before its first flush is not a git client. */
const maxCommandBytes = 4 * 1024 * 1024;

export function parseCommandLine(payload: Buffer): PushCommand | null {
  // The first command carries the capability list after a NUL byte.
  const text = payload.toString("utf8").split("\0", 1)[0]!.replace(/\n$/, "");
  const match = commandPattern.exec(text);
  if (!match) return null;
  const [, before, after, ref] = match as unknown as [string, string, string, string];
  return { ref, before: zero.test(before) ? null : before, after: zero.test(after) ? null : after };
}

/**
 * Watches a receive-pack request body as it streams to git and collects the ref update commands
 * at its start (everything up to the first flush packet: shallow lines, commands, push
 * certificate lines). Every byte is passed on unchanged; after the commands it only forwards.
 */
export async function* tapPushCommands(
  body: AsyncIterable<Uint8Array>,
  commands: PushCommand[],
): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let done = false;
  for await (const chunk of body) {
    const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!done) {
      pending = Buffer.concat([pending, data]);
      let offset = 0;
      while (!done) {
        // One packet at a time: the pack that follows the flush is not pkt-line framed.
        const { pkts, used } = readPkts(pending.subarray(offset), 1);
        const pkt = pkts[0];
        if (!pkt) break;
        offset += used;
        if (pkt.type === "flush") done = true;
        else if (pkt.type === "data") {
          const command = parseCommandLine(pkt.payload);
          if (command && !commands.some((c) => c.ref === command.ref)) commands.push(command);
        }
      }
      pending = done ? Buffer.alloc(0) : pending.subarray(offset);
      if (!done && pending.length > maxCommandBytes) throw new Error("Push command list too long");
    }
    yield data;
  }
}
