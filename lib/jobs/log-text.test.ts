import { describe, expect, it } from "vitest";

import { applySgr, LogScreen, type LogLine } from "./log-text";

const text = (lines: LogLine[]) => lines.map((l) => l.spans.map((s) => s.text).join(""));

function screenOf(...chunks: string[]) {
  const screen = new LogScreen();
  for (const chunk of chunks) screen.append(chunk);
  return screen;
}

describe("the log screen", () => {
  it("splits lines and keeps the unfinished one as the last line", () => {
    expect(text(screenOf("one\ntwo\nthr", "ee").lines())).toEqual(["one", "two", "three"]);
    expect(text(screenOf("a\r\nb\n").lines())).toEqual(["a", "b"]);
  });

  it("turns colour codes into styles and drops them from the text", () => {
    const [line] = screenOf("\x1b[1;32mok\x1b[0m done \x1b[31merr\x1b[39m\n").lines();
    expect(line!.spans).toEqual([
      { text: "ok", style: { bold: true, fg: 2 } },
      { text: " done ", style: null },
      { text: "err", style: { fg: 1 } },
    ]);
  });

  it("reads bright, 256-colour and RGB codes", () => {
    expect(applySgr({}, "91;104")).toEqual({ fg: 9, bg: 12 });
    expect(applySgr({}, "38;5;196")).toEqual({ fg: "rgb(255,0,0)" });
    expect(applySgr({}, "38;5;244")).toEqual({ fg: "rgb(128,128,128)" });
    expect(applySgr({}, "48;2;10;20;30;1")).toEqual({ bg: "rgb(10,20,30)", bold: true });
    expect(applySgr({ fg: 1, bold: true }, "")).toEqual({});
    expect(applySgr({ fg: 1, bold: true }, "22")).toEqual({ fg: 1 });
  });

  it("joins an escape sequence split across chunks", () => {
    const [line] = screenOf("a\x1b[3", "1mred\n").lines();
    expect(line!.spans).toEqual([
      { text: "a", style: null },
      { text: "red", style: { fg: 1 } },
    ]);
  });

  it("drops cursor movement, window titles and other control characters", () => {
    expect(text(screenOf("\x1b]0;title\x07a\x1b[2K\x1b[1Gb\x07c\x1b(Bd\n").lines())).toEqual([
      "abcd",
    ]);
  });

  it("draws a carriage-return progress bar as its latest state", () => {
    const screen = screenOf("10%\r50%\r", "100%\n", "next\r");
    expect(text(screen.lines())).toEqual(["100%", "next"]);
    // A "\r" right before "\n" does not clear the line, even across chunks.
    screen.append("\nend\r");
    screen.append("\n");
    expect(text(screen.lines())).toEqual(["100%", "next", "end"]);
  });

  it("keeps the last lines only, and complete lines keep their identity", () => {
    const screen = new LogScreen(3);
    screen.append("1\n2\n");
    const first = screen.lines();
    screen.append("3\n");
    expect(screen.lines()[1]).toBe(first[1]);
    screen.append("4\n5\n6\npart");
    const after = screen.lines();
    expect(text(after)).toEqual(["4", "5", "6", "part"]);
    expect(screen.hiddenLines).toBe(3);
    // The line being written keeps its key when it completes.
    screen.append("ial\n");
    expect(screen.lines().at(-1)!.key).toBe(after.at(-1)!.key);
    expect(text(screen.lines())).toEqual(["5", "6", "partial"]);
  });

  it("trims old lines in batches without losing count", () => {
    const screen = new LogScreen(10);
    for (let i = 0; i < 2000; i++) screen.append(`${i}\n`);
    expect(text(screen.lines())).toEqual(Array.from({ length: 10 }, (_, i) => String(1990 + i)));
    expect(screen.hiddenLines).toBe(1990);
  });
});
