import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { flushPkt, pktLine, readPkts } from "./pkt-line";
import { parseCommandLine, tapPushCommands, type PushCommand } from "./receive-commands";

describe("pkt-line", () => {
  it("frames and reads packets, leaving a cut-off packet for later", () => {
    const framed = Buffer.concat([pktLine("# service=git-upload-pack\n"), flushPkt, pktLine("ab")]);
    expect(framed.subarray(0, 4).toString()).toBe("001e");
    const { pkts, used } = readPkts(framed.subarray(0, framed.length - 1));
    expect(pkts).toEqual([
      { type: "data", payload: Buffer.from("# service=git-upload-pack\n") },
      { type: "flush" },
    ]);
    expect(used).toBe(34);
    expect(readPkts(Buffer.from("0001")).pkts).toEqual([{ type: "delim" }]);
    expect(() => readPkts(Buffer.from("PACK"))).toThrow("Invalid pkt-line length");
  });
});

const a = "1".repeat(40);
const b = "2".repeat(40);
const zero = "0".repeat(40);

describe("push commands", () => {
  it("parses create, update and delete commands (the first with capabilities)", () => {
    expect(
      parseCommandLine(Buffer.from(`${zero} ${a} refs/heads/main\0report-status side-band-64k`)),
    ).toEqual({
      ref: "refs/heads/main",
      before: null,
      after: a,
    });
    expect(parseCommandLine(Buffer.from(`${a} ${zero} refs/tags/v1\n`))).toEqual({
      ref: "refs/tags/v1",
      before: a,
      after: null,
    });
    expect(parseCommandLine(Buffer.from("shallow 123"))).toBeNull();
  });

  it("collects the commands while passing every byte through, split anywhere", async () => {
    const body = Buffer.concat([
      pktLine(`${a} ${b} refs/heads/main\0report-status`),
      pktLine(`${zero} ${b} refs/heads/dev`),
      flushPkt,
      Buffer.from("PACK\0\0\0\x02 binary pack data 0000 0032"),
    ]);
    for (const cut of [1, 5, 50, 95, body.length - 3]) {
      const commands: PushCommand[] = [];
      const source = Readable.from([body.subarray(0, cut), body.subarray(cut)]);
      const out: Buffer[] = [];
      for await (const chunk of tapPushCommands(source, commands)) out.push(chunk);
      expect(Buffer.concat(out).equals(body)).toBe(true);
      expect(commands).toEqual([
        { ref: "refs/heads/main", before: a, after: b },
        { ref: "refs/heads/dev", before: null, after: b },
      ]);
    }
  });
});
