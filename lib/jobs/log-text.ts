// Client-safe: turns a job's raw output (ANSI colours, carriage-return progress bars) into lines
// of styled text for the log viewer. No HTML is produced here; the viewer renders text nodes.

/** 0–15: the viewer's palette (theme-aware); a string: an exact CSS colour (256-colour, RGB). */
export type LogColor = number | string;

export type LogStyle = Readonly<{
  fg?: LogColor;
  bg?: LogColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}>;

export type LogSpan = { text: string; style: LogStyle | null };

/** A line keeps its identity once complete, so a viewer re-renders only the line being written. */
export type LogLine = { key: number; spans: LogSpan[] };

const cubeLevels = [0, 95, 135, 175, 215, 255];

/** xterm's 256 colours: 0–15 stay palette indexes, the rest become CSS colours. */
function color256(n: number): LogColor | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return n;
  if (n >= 232) {
    const level = 8 + 10 * (n - 232);
    return `rgb(${level},${level},${level})`;
  }
  const i = n - 16;
  return `rgb(${cubeLevels[Math.floor(i / 36)]},${cubeLevels[Math.floor(i / 6) % 6]},${cubeLevels[i % 6]})`;
}

function rgb(r?: number, g?: number, b?: number): string | undefined {
  const ok = [r, g, b].every((v) => v !== undefined && Number.isInteger(v) && v >= 0 && v <= 255);
  return ok ? `rgb(${r},${g},${b})` : undefined;
}

/** Applies one SGR sequence (`ESC [ … m`) to a style; unknown codes are ignored. */
export function applySgr(style: LogStyle, params: string): LogStyle {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let next: { -readonly [K in keyof LogStyle]: LogStyle[K] } = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.inverse = true;
    else if (code === 22) {
      delete next.bold;
      delete next.dim;
    } else if (code === 23) delete next.italic;
    else if (code === 24) delete next.underline;
    else if (code === 27) delete next.inverse;
    else if (code >= 30 && code <= 37) next.fg = code - 30;
    else if (code === 39) delete next.fg;
    else if (code >= 40 && code <= 47) next.bg = code - 40;
    else if (code === 49) delete next.bg;
    else if (code >= 90 && code <= 97) next.fg = code - 90 + 8;
    else if (code >= 100 && code <= 107) next.bg = code - 100 + 8;
    else if (code === 38 || code === 48) {
      const key = code === 38 ? "fg" : "bg";
      const mode = codes[i + 1];
      const value =
        mode === 5
          ? color256(codes[i + 2]!)
          : mode === 2
            ? rgb(codes[i + 2], codes[i + 3], codes[i + 4])
            : undefined;
      i += mode === 5 ? 2 : mode === 2 ? 4 : 1;
      if (value !== undefined) next = { ...next, [key]: value };
    }
  }
  return next;
}

/**
 * Length of the escape sequence at `i`, or -1 when the text ends inside it (the rest arrives with
 * the next chunk). CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ESC \`), charset (`ESC ( B`) and
 * two-character sequences are recognised.
 */
function escapeLength(text: string, i: number): number {
  const kind = text[i + 1];
  if (kind === undefined) return -1;
  if (kind === "[") {
    let j = i + 2;
    while (j < text.length && /[0-?]/.test(text[j]!)) j++;
    while (j < text.length && /[ -/]/.test(text[j]!)) j++;
    if (j >= text.length) return -1;
    return /[@-~]/.test(text[j]!) ? j - i + 1 : j - i;
  }
  if (kind === "]") {
    for (let j = i + 2; j < text.length; j++) {
      if (text[j] === "\x07") return j - i + 1;
      if (text[j] === "\x1b" && text[j + 1] === "\\") return j - i + 2;
    }
    return -1;
  }
  if (kind === "(" || kind === ")") return i + 2 < text.length ? 3 : -1;
  return 2;
}

/** An unfinished escape longer than this is garbage, not a sequence split across chunks. */
const maxCarry = 256;

/**
 * A job log as a terminal would show it, minus cursor movement: SGR colours become styles, other
 * escape sequences are dropped, `\r` starts the line over (progress bars), and only the last
 * `maxLines` lines are kept (`dropped` counts the rest).
 */
export class LogScreen {
  private readonly done: LogLine[] = [];
  private current: LogSpan[] = [];
  private style: LogStyle = {};
  private carry = "";
  private pendingReturn = false;
  private nextKey = 0;
  private dropped = 0;

  constructor(private readonly maxLines = 5000) {}

  append(chunk: string): void {
    const text = this.carry + chunk;
    this.carry = "";
    let plain = "";
    const flush = () => {
      if (plain) this.write(plain);
      plain = "";
    };
    for (let i = 0; i < text.length;) {
      const ch = text[i]!;
      if (this.pendingReturn) {
        this.pendingReturn = false;
        if (ch !== "\n") {
          flush();
          this.current = []; // "\r" then more text: the line is drawn again
        }
      }
      if (ch === "\n") {
        flush();
        this.endLine();
        i++;
      } else if (ch === "\r") {
        flush();
        this.pendingReturn = true;
        i++;
      } else if (ch === "\x1b") {
        const length = escapeLength(text, i);
        if (length === -1) {
          if (text.length - i <= maxCarry) this.carry = text.slice(i);
          break;
        }
        flush();
        const sequence = text.slice(i, i + length);
        if (sequence.startsWith("\x1b[") && sequence.endsWith("m")) {
          this.style = applySgr(this.style, sequence.slice(2, -1));
        }
        i += length;
      } else {
        // Other control characters (bell, backspace…) have no place in a static view.
        if (ch === "\t" || ch >= " ") plain += ch;
        i++;
      }
    }
    flush();
  }

  private write(text: string): void {
    const style = Object.keys(this.style).length ? this.style : null;
    const last = this.current.at(-1);
    if (last && last.style === style) {
      this.current[this.current.length - 1] = { text: last.text + text, style };
    } else {
      this.current.push({ text, style });
    }
  }

  private endLine(): void {
    this.done.push({ key: this.nextKey++, spans: this.current });
    this.current = [];
    // Trim in batches: shifting one line off a large array on every line would be quadratic.
    if (this.done.length > this.maxLines + 500) {
      const extra = this.done.length - this.maxLines;
      this.done.splice(0, extra);
      this.dropped += extra;
    }
  }

  /** The lines to show: complete ones (same objects as before) and the one being written. */
  lines(): LogLine[] {
    const start = Math.max(0, this.done.length - this.maxLines);
    const partial = this.current.length ? [{ key: this.nextKey, spans: [...this.current] }] : [];
    return [...this.done.slice(start), ...partial];
  }

  /** Lines no longer shown (more than `maxLines` came before them). */
  get hiddenLines(): number {
    return this.dropped + Math.max(0, this.done.length - this.maxLines);
  }
}
