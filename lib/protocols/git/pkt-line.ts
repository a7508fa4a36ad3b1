/**
 * git's pkt-line framing (gitprotocol-common): four hex digits giving the length of the line
 * including those four digits, then the payload; "0000" is a flush packet, "0001" a delimiter
 * and "0002" a response-end packet (protocol v2).
 */

export const flushPkt = Buffer.from("0000");

const maxPktLength = 65520;

export function pktLine(payload: string | Buffer): Buffer {
  const data = typeof payload === "string" ? Buffer.from(payload, "utf8") : payload;
  if (data.length + 4 > maxPktLength) throw new RangeError("pkt-line payload too long");
  return Buffer.concat([Buffer.from((data.length + 4).toString(16).padStart(4, "0")), data]);
}

export type Pkt = { type: "data"; payload: Buffer } | { type: "flush" | "delim" | "end" };

/**
 * Reads packets from the start of a buffer. Returns the packets read and how many bytes they
 * used; a packet cut off at the end of the buffer is left for the next call. Throws on a length
 * that is not a pkt-line length, because then the stream is not pkt-line framed at all.
 */
export function readPkts(buffer: Buffer, max = Infinity): { pkts: Pkt[]; used: number } {
  const pkts: Pkt[] = [];
  let offset = 0;
  while (pkts.length < max && buffer.length - offset >= 4) {
    const head = buffer.toString("latin1", offset, offset + 4);
    if (!/^[0-9a-f]{4}$/i.test(head)) throw new Error(`Invalid pkt-line length "${head}"`);
    const length = parseInt(head, 16);
    if (length < 4) {
      pkts.push({ type: length === 0 ? "flush" : length === 1 ? "delim" : "end" });
      offset += 4;
      if (length === 3) throw new Error("Invalid pkt-line length 0003");
      continue;
    }
    if (length > maxPktLength) throw new Error(`pkt-line too long (${length})`);
    if (buffer.length - offset < length) break;
    pkts.push({ type: "data", payload: buffer.subarray(offset + 4, offset + length) });
    offset += length;
  }
  return { pkts, used: offset };
}
