/**
 * Splits delimited text into records as it arrives (RFC 4180: quoted fields may hold the delimiter,
 * newlines and doubled quotes), so a file is parsed while it streams and never held whole.
 */
export class CsvRecords {
  private field = "";
  private record: string[] = [];
  private quoted = false;
  /** The previous chunk ended on a quote inside a quoted field: an escape or the closing quote. */
  private pendingQuote = false;

  constructor(private readonly delimiter: string) {}

  /** The records completed by this chunk of text. */
  push(text: string): string[][] {
    const done: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (c === '"') this.pendingQuote = true;
        else this.field += c;
      } else if (c === '"' && this.field === "") this.quoted = true;
      else if (c === this.delimiter) this.endField();
      else if (c === "\n") done.push(this.endRecord());
      else if (c !== "\r") this.field += c;
    }
    return done.filter((record) => record.length > 1 || record[0] !== "");
  }

  /** The last record when the text ended without a newline (only call this at the real end). */
  end(): string[] | null {
    if (this.pendingQuote) this.quoted = false;
    if (this.field === "" && this.record.length === 0) return null;
    return this.endRecord();
  }

  private endField() {
    this.record.push(this.field);
    this.field = "";
  }

  private endRecord(): string[] {
    this.endField();
    const record = this.record;
    this.record = [];
    return record;
  }
}
